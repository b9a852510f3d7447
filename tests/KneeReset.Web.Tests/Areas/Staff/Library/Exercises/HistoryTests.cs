using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library.Exercises;

/// <summary>An exercise's history works as a routine's does.</summary>
public class HistoryTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task An_old_exercise_version_is_compared_and_restored_as_a_new_version()
    {
        var slug = TestData.NewSlug("versioned");
        var id = await app.CreateExerciseAsync(slug);
        using var editor = app.SignedIn(StaffRoles.Editor, "exercise.historian@studio.test");
        using var saved = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}")).Set("Input.Cues", "Breathe out.").PressAsync("Save");
        Browser.AssertRedirect(saved);
        var revisions = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "exercise" && r.EntityId == id).OrderBy(r => r.Version).Select(r => r.Id).ToListAsync());

        var compared = await editor.GetPageAsync($"/Staff/Library/Exercises/History/{id}?a={revisions[0]}&b={revisions[1]}");
        Assert.Equal([("Cue 1", "", "Breathe out.")], compared.QuerySelectorAll("table.compare tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent, r.Children[2].TextContent)));
        using var restored = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/History/{id}", $"form#restore-{revisions[0]}")).PressAsync("Restore version 1");

        Assert.Equal($"/Staff/Library/Exercises/Edit/{id}?saved=3", Browser.AssertRedirect(restored));
        var exercise = await app.QueryAsync(db => db.Exercises.SingleAsync(e => e.Id == id));
        Assert.Equal((3, 0), (exercise.Version, exercise.Cues.Count));
    }
}
