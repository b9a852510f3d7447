using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>Publishing states read as words (Draft, Published, Archived); the codes stay in the form values and classes.</summary>
public class StatusWordingTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_routine_list_and_editor_name_the_status_in_words()
    {
        var slug = TestData.NewSlug("status-words");
        var id = await app.CreateRoutineAsync(slug);
        using var editor = app.SignedIn(StaffRoles.Editor);

        var list = await editor.GetPageAsync("/Staff/Library/Routines");
        var edit = await editor.GetPageAsync($"/Staff/Library/Routines/Edit/{id}");

        var statuses = list.QuerySelectorAll(".staff-table .status").Select(s => s.TextContent.Trim()).Distinct().ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Contains(s, new[] { "Draft", "Published", "Archived" }));
        var options = edit.QuerySelectorAll("select[name='Input.Status'] option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();
        Assert.Equal([("draft", "Draft"), ("published", "Published"), ("archived", "Archived")], options);
    }
}
