using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff.Library.Exercises;

public class PreviewTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_draft_exercise_previews_as_runners_will_see_it_but_is_not_public()
    {
        var slug = TestData.NewSlug("draft-move");
        var id = await app.CreateExerciseAsync(slug, status: "draft", instructions: ["Lift **slowly**."]);
        using var editor = app.SignedIn(StaffRoles.Editor);
        using var anonymous = app.CreateBrowser();

        var preview = await editor.GetPageAsync($"/Staff/Library/Exercises/Preview/{id}");

        Assert.Contains("draft", preview.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("slowly", preview.QuerySelector("article.exercise ol li strong")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/exercises/{slug}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Duplicating_an_exercise_prefills_a_draft_copy_with_its_own_slug()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);
        var id = await app.CreateExerciseAsync(TestData.NewSlug("original"));

        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit?duplicate={id}", "form[action*='handler=Save']");

        Assert.EndsWith("-copy", form.Value("Input.Slug"), StringComparison.Ordinal);
        Assert.EndsWith("(copy)", form.Value("Input.Name"), StringComparison.Ordinal);
        Assert.Equal("draft", form.Value("Input.Status"));
        Assert.Equal("0", form.Value("Version"));
        using var saved = await form.SubmitAsync();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
    }
}
