using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library.Routines;

/// <summary>A routine's history: every save a version, two compared field by field, an old one restored as a new version.</summary>
public class HistoryTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task History_lists_each_save_compares_two_and_restores_an_old_one_as_a_new_version()
    {
        var slug = TestData.NewSlug("remembered");
        var id = await app.CreateRoutineAsync(slug, title: "First title");
        using var editor = app.SignedIn(StaffRoles.Editor, "historian@studio.test");
        using var retitled = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}")).Set("Input.Title", "Second title").PressAsync("Save");
        Browser.AssertRedirect(retitled);
        using var resummarised = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}")).Set("Input.Summary", "A new summary.").PressAsync("Save");
        Browser.AssertRedirect(resummarised);

        var history = await editor.GetPageAsync($"/Staff/Library/Routines/History/{id}");
        var rows = history.QuerySelectorAll(".staff-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["3 (current)", "2", "1"], rows.Select(r => r[2]));
        Assert.Equal(["historian@studio.test", "historian@studio.test", "setup@studio.test"], rows.Select(r => r[4]));
        Assert.Equal(["Summary", "Title", "Created"], rows.Select(r => r[5]));

        var revisions = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == id).OrderBy(r => r.Version).Select(r => r.Id).ToListAsync());
        var compared = await editor.GetPageAsync($"/Staff/Library/Routines/History/{id}?a={revisions[0]}&b={revisions[1]}");
        var changes = compared.QuerySelectorAll("table.compare tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent, r.Children[2].TextContent)).ToList();
        Assert.Equal([("Title", "First title", "Second title")], changes);

        Assert.Equal(["Restore version 2", "Restore version 1"], history.QuerySelectorAll(".staff-table button").Select(b => b.TextContent.Trim()));
        using var restored = await HtmlForm.Of(editor, $"/Staff/Library/Routines/History/{id}", history, $"form#restore-{revisions[0]}").PressAsync("Restore version 1");

        Assert.Equal($"/Staff/Library/Routines/Edit/{id}?saved=4", Browser.AssertRedirect(restored));
        var routine = (await app.RoutineAsync(slug))!;
        Assert.Equal(("First title", "A routine made by a test.", 4), (routine.Title, routine.Summary, routine.Version));
        var after = await editor.GetPageAsync($"/Staff/Library/Routines/History/{id}");
        Assert.Equal("4 (current)", after.QuerySelector(".staff-table tbody tr")!.Children[2].TextContent.Trim());
    }

    [Fact]
    public async Task The_audit_log_names_who_saved_and_who_restored()
    {
        var slug = TestData.NewSlug("audited");
        var id = await app.CreateRoutineAsync(slug);
        using var saver = app.SignedIn(StaffRoles.Editor, "saver@studio.test");
        using var saved = await (await HtmlForm.OpenAsync(saver, $"/Staff/Library/Routines/Edit/{id}")).Set("Input.Title", "Saved by the saver").PressAsync("Save");
        Browser.AssertRedirect(saved);
        using var restorer = app.SignedIn(StaffRoles.Admin, "restorer@studio.test");
        var history = await restorer.GetPageAsync($"/Staff/Library/Routines/History/{id}");
        var first = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == id && r.Version == 1).Select(r => r.Id).SingleAsync());
        using var restored = await HtmlForm.Of(restorer, $"/Staff/Library/Routines/History/{id}", history, $"form#restore-{first}").PressAsync("Restore version 1");
        Browser.AssertRedirect(restored);

        var audit = await restorer.GetPageAsync("/Staff/Audit");

        var entries = audit.QuerySelectorAll(".staff-table tbody tr")
            .Where(r => r.Children[3].TextContent == $"routine {slug}")
            .Select(r => (Who: r.Children[1].TextContent, What: r.Children[2].TextContent, Code: r.Children[2].GetAttribute("data-action"), Details: r.Children[4].TextContent))
            .ToList();
        // Staff read what happened in words; the action's code stays in the cell's data-action.
        Assert.Equal(
            [("restorer@studio.test", "Routine restored", "routine.restored"), ("saver@studio.test", "Routine saved", "routine.saved"), ("setup@studio.test", "Routine created", "routine.created")],
            entries.Select(e => (e.Who, e.What, e.Code)));
        Assert.StartsWith("Version 3: Title", entries[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_version_whose_exercise_was_deleted_explains_why_it_cannot()
    {
        var exercise = TestData.NewSlug("short-lived");
        var exerciseId = await app.CreateExerciseAsync(exercise);
        var slug = TestData.NewSlug("outlived");
        var id = await app.CreateRoutineAsync(slug, steps: [new() { Exercise = exercise, Sets = 1, Reps = 8 }]);
        using var editor = app.SignedIn(StaffRoles.Editor);
        using var replaced = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}")).Set("Input.Steps[0].Exercise", "heel-slides").PressAsync("Save");
        Browser.AssertRedirect(replaced);
        using var deleted = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{exerciseId}", "form.danger-zone")).PressAsync("Delete this exercise");
        Browser.AssertRedirect(deleted);
        var first = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == id && r.Version == 1).Select(r => r.Id).SingleAsync());

        using var response = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/History/{id}", $"form#restore-{first}")).PressAsync("Restore version 1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Step names an exercise that doesn't exist: '{exercise}'.", (await Browser.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await app.RoutineAsync(slug))!.Version);
    }

    [Fact]
    public async Task Comparing_a_version_with_itself_says_they_are_the_same()
    {
        var id = await app.CreateRoutineAsync(TestData.NewSlug("same"));
        var revision = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == id).Select(r => r.Id).SingleAsync());
        using var editor = app.SignedIn(StaffRoles.Editor);

        var page = await editor.GetPageAsync($"/Staff/Library/Routines/History/{id}?a={revision}&b={revision}");

        Assert.Contains("These two versions are the same.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_of_a_routine_that_does_not_exist_is_404()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await editor.GetAsync(new Uri("/Staff/Library/Routines/History/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
