using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library.Routines;

/// <summary>The routine editor: building a routine step by step, its validation, reordering, duplicating, and conflicting saves.</summary>
public class EditTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task An_editor_builds_a_routine_with_steps_and_it_appears_in_the_list()
    {
        var slug = TestData.NewSlug("knee-builder");
        using var editor = app.SignedIn(StaffRoles.Editor, "builder@studio.test");
        var form = (await HtmlForm.OpenAsync(editor, "/Staff/Library/Routines/Edit"))
            .Set("Input.Title", "Knee builder").Set("Input.Slug", slug)
            .Set("Input.Summary", "Two moves for **strong** hips.").Set("Input.WhenToDo", "Twice a week.")
            .Set("Input.Phase", "strengthen").Set("Input.Causes", "runners_knee", "it_band");

        using var first = await form.PressAsync("Add a step");
        form = (await HtmlForm.ReadAsync(editor, first)).Set("Input.Steps[0].Exercise", "glute-bridge").Set("Input.Steps[0].Sets", "2");
        using var second = await form.PressAsync("Add a step");
        form = (await HtmlForm.ReadAsync(editor, second))
            .Set("Input.Steps[1].Exercise", "wall-calf-stretch").Set("Input.Steps[1].Sets", "1")
            .Set("Input.Steps[1].Reps", "").Set("Input.Steps[1].HoldSeconds", "30").Set("Input.Steps[1].PerSide", "true");
        Assert.Equal("Knee builder", form.Value("Input.Title"));
        Assert.Null(await app.RoutineAsync(slug));
        using var saved = await form.PressAsync("Save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(saved));
        var location = Browser.AssertRedirect(saved);
        Assert.Matches(@"^/Staff/Library/Routines/Edit/\d+\?saved=1$", location);
        Assert.Contains("Saved as version 1.", (await editor.GetPageAsync(location)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var list = await editor.GetPageAsync("/Staff/Library/Routines");
        Assert.Contains(list.QuerySelectorAll(".staff-table td small"), s => s.TextContent == slug);
        var routine = (await app.RoutineAsync(slug))!;
        Assert.Equal(("Knee builder", PublishStatus.Draft, 1), (routine.Title, routine.Status, routine.Version));
        Assert.Equal(["runners_knee", "it_band"], routine.Causes);
        Assert.Equal(["glute-bridge", "wall-calf-stretch"], routine.Steps.Select(s => s.Exercise.Slug));
        var stretch = routine.Steps[1];
        Assert.Equal((1, null, 30, true), (stretch.Sets, stretch.Reps, stretch.HoldSeconds, stretch.PerSide));
        var revision = await app.QueryAsync(db => db.Revisions.SingleAsync(r => r.EntityType == "routine" && r.EntityId == routine.Id));
        Assert.Equal(("builder@studio.test", 1), (revision.By, revision.Version));
    }

    [Fact]
    public async Task Typed_text_is_tidied_before_it_is_checked_and_a_step_error_names_its_step()
    {
        var slug = TestData.NewSlug("tidy");
        using var editor = app.SignedIn(StaffRoles.Editor);
        var form = (await HtmlForm.OpenAsync(editor, "/Staff/Library/Routines/Edit"))
            .Set("Input.Title", "  Tidy routine ").Set("Input.Slug", $" {slug}\t").Set("Input.Summary", "One line.\r\nAnother.\r\n").Set("Input.WhenToDo", "Daily.")
            .Set("Input.Status", "draft").Set("Input.Gentle", "false")
            .Set("Input.Steps[0].Exercise", "no-such-exercise").Set("Input.Steps[0].Sets", "2").Set("Input.Steps[0].Reps", "10")
            .Set("Input.Steps[0].HoldSeconds", "").Set("Input.Steps[0].RestSeconds", "30").Set("Input.Steps[0].Note", "   ");

        using var refused = await form.PressAsync("Save");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Browser.ParseAsync(refused);
        Assert.Contains(page.QuerySelectorAll(".step-row .field-error"), e => e.TextContent == "Step 1: Step names an exercise that doesn't exist: 'no-such-exercise'.");
        Assert.Null(await app.RoutineAsync(slug));

        using var saved = await (await HtmlForm.ReadAsync(editor, refused)).Set("Input.Steps[0].Exercise", "glute-bridge").PressAsync("Save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(saved));
        var routine = (await app.RoutineAsync(slug))!;
        Assert.Equal(("Tidy routine", "One line.\nAnother.", null), (routine.Title, routine.Summary, routine.Steps.Single().Note));
    }

    public static TheoryData<string, string> InvalidRoutines => new()
    {
        { "missing title", "Give the routine a title." },
        { "bad slug", "The slug may use only lower-case letters, digits and single hyphens, like \"glute-bridge\"." },
        { "duplicate slug", "Another routine already uses the slug \"post-run-knee-reset\"." },
        { "published with no steps", "A published routine needs at least one step." },
        { "reps and hold", "Give either reps or a hold in seconds (not both)." },
        { "no sets", "Sets must be from 1 to 10." },
        { "gentle with a strength exercise", "A gentle routine (for runners waiting to see a clinician) may hold only mobility or stretch exercises." },
    };

    [Theory]
    [MemberData(nameof(InvalidRoutines))]
    public async Task An_invalid_routine_is_shown_again_with_the_message_and_nothing_is_saved(string mistake, string message)
    {
        var slug = TestData.NewSlug("invalid");
        using var editor = app.SignedIn(StaffRoles.Editor);
        var form = (await HtmlForm.OpenAsync(editor, "/Staff/Library/Routines/Edit"))
            .Set("Input.Title", "Not saved").Set("Input.Slug", slug).Set("Input.Summary", "Kept in the form.").Set("Input.WhenToDo", "Never.")
            .Set("Input.Status", "draft").Set("Input.Gentle", "false")
            .Set("Input.Steps[0].Exercise", "heel-slides").Set("Input.Steps[0].Sets", "2").Set("Input.Steps[0].Reps", "10")
            .Set("Input.Steps[0].HoldSeconds", "").Set("Input.Steps[0].RestSeconds", "30");
        _ = mistake switch
        {
            "missing title" => form.Set("Input.Title", ""),
            "bad slug" => form.Set("Input.Slug", "Bad Slug!"),
            "duplicate slug" => form.Set("Input.Slug", "post-run-knee-reset"),
            "published with no steps" => form.Set("Input.Status", "published")
                .Set("Input.Steps[0].Exercise").Set("Input.Steps[0].Sets").Set("Input.Steps[0].Reps").Set("Input.Steps[0].HoldSeconds").Set("Input.Steps[0].RestSeconds"),
            "reps and hold" => form.Set("Input.Steps[0].HoldSeconds", "30"),
            "no sets" => form.Set("Input.Steps[0].Sets", "0"),
            "gentle with a strength exercise" => form.Set("Input.Gentle", "true").Set("Input.Steps[0].Exercise", "wall-sit"),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };
        var before = await app.QueryAsync(db => db.Routines.CountAsync());
        var versionOfTaken = await app.QueryAsync(db => db.Routines.Where(r => r.Slug == "post-run-knee-reset").Select(r => r.Version).SingleAsync());

        using var response = await form.PressAsync("Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal("Kept in the form.", (await HtmlForm.ReadAsync(editor, response)).Value("Input.Summary"));
        Assert.Equal(before, await app.QueryAsync(db => db.Routines.CountAsync()));
        Assert.Equal(versionOfTaken, await app.QueryAsync(db => db.Routines.Where(r => r.Slug == "post-run-knee-reset").Select(r => r.Version).SingleAsync()));
    }

    [Fact]
    public async Task Move_and_remove_buttons_reorder_the_form_without_saving()
    {
        var slug = TestData.NewSlug("reorder");
        var id = await app.CreateRoutineAsync(slug, steps:
        [
            new() { Exercise = "heel-slides", Sets = 1, Reps = 10 },
            new() { Exercise = "quad-sets", Sets = 2, Reps = 10 },
            new() { Exercise = "ankle-circles", Sets = 3, Reps = 10 },
        ]);
        using var editor = app.SignedIn(StaffRoles.Editor);
        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}");
        Assert.True(form.IsDisabled("Move up", 0));
        Assert.True(form.IsDisabled("Move down", 2));

        using var movedDown = await form.PressAsync("Move down", 0);
        form = await HtmlForm.ReadAsync(editor, movedDown);
        Assert.Equal(["quad-sets", "heel-slides", "ankle-circles"], Steps(form));
        Assert.Equal("2", form.Value("Input.Steps[0].Sets"));

        using var movedUp = await form.PressAsync("Move up", 2);
        form = await HtmlForm.ReadAsync(editor, movedUp);
        Assert.Equal(["quad-sets", "ankle-circles", "heel-slides"], Steps(form));

        using var removed = await form.PressAsync("Remove", 0);
        form = await HtmlForm.ReadAsync(editor, removed);
        Assert.Equal(["ankle-circles", "heel-slides"], Steps(form));

        var stored = (await app.RoutineAsync(slug))!;
        Assert.Equal(1, stored.Version);
        Assert.Equal(["heel-slides", "quad-sets", "ankle-circles"], stored.Steps.Select(s => s.Exercise.Slug));

        using var saved = await form.PressAsync("Save");
        Browser.AssertRedirect(saved);
        stored = (await app.RoutineAsync(slug))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(["ankle-circles", "heel-slides"], stored.Steps.Select(s => s.Exercise.Slug));
        Assert.Equal([3, 1], stored.Steps.Select(s => s.Sets));
    }

    [Fact]
    public async Task Duplicating_a_routine_prefills_a_draft_copy_and_leaves_the_original_alone()
    {
        var slug = TestData.NewSlug("original");
        var id = await app.CreateRoutineAsync(slug, status: "published", title: "The original");
        using var editor = app.SignedIn(StaffRoles.Editor);

        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit?duplicate={id}");

        Assert.Equal(($"{slug}-copy", "The original (copy)", "draft", "0"),
            (form.Value("Input.Slug"), form.Value("Input.Title"), form.Value("Input.Status"), form.Value("Version")));
        Assert.Equal(["glute-bridge"], Steps(form));
        using var saved = await form.PressAsync("Save");
        Assert.DoesNotContain($"/Edit/{id}?", Browser.AssertRedirect(saved), StringComparison.Ordinal);
        var copy = (await app.RoutineAsync($"{slug}-copy"))!;
        Assert.Equal((PublishStatus.Draft, 1), (copy.Status, copy.Version));
        var original = (await app.RoutineAsync(slug))!;
        Assert.Equal(("The original", 1), (original.Title, original.Version));
    }

    [Fact]
    public async Task A_save_from_a_stale_form_shows_the_conflict_and_overwrites_only_when_asked()
    {
        var slug = TestData.NewSlug("contested");
        var id = await app.CreateRoutineAsync(slug, title: "Agreed title");
        using var alex = app.SignedIn(StaffRoles.Editor, "alex@studio.test");
        using var billie = app.SignedIn(StaffRoles.Editor, "billie@studio.test");
        var alexForm = await HtmlForm.OpenAsync(alex, $"/Staff/Library/Routines/Edit/{id}");
        var billieForm = await HtmlForm.OpenAsync(billie, $"/Staff/Library/Routines/Edit/{id}");

        using var alexSaved = await alexForm.Set("Input.Title", "Alex's title").PressAsync("Save");
        Assert.EndsWith("?saved=2", Browser.AssertRedirect(alexSaved), StringComparison.Ordinal);
        using var conflict = await billieForm.Set("Input.Summary", "Billie's summary.").PressAsync("Save");

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var banner = (await Browser.ParseAsync(conflict)).QuerySelector(".conflict");
        Assert.NotNull(banner);
        Assert.Contains("It is now at version 2.", banner.TextContent, StringComparison.Ordinal);
        var fields = banner.QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent).Order().ToList();
        Assert.Equal(["Summary", "Title"], fields);
        var stored = (await app.RoutineAsync(slug))!;
        Assert.Equal(("Alex's title", "A routine made by a test.", 2), (stored.Title, stored.Summary, stored.Version));

        var again = await HtmlForm.ReadAsync(billie, conflict);
        Assert.Equal("Billie's summary.", again.Value("Input.Summary"));
        using var kept = await again.PressAsync("Save mine over theirs");

        Assert.EndsWith("?saved=3", Browser.AssertRedirect(kept), StringComparison.Ordinal);
        stored = (await app.RoutineAsync(slug))!;
        Assert.Equal(("Agreed title", "Billie's summary.", 3), (stored.Title, stored.Summary, stored.Version));
        var latest = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == id).OrderByDescending(r => r.Version).FirstAsync());
        Assert.Equal(("billie@studio.test", 3), (latest.By, latest.Version));
    }

    /// <summary>The exercise of each step in the form, in order.</summary>
    private static List<string> Steps(HtmlForm form) =>
        Enumerable.Range(0, 30).Select(i => form.Value($"Input.Steps[{i}].Exercise")).TakeWhile(e => e is not null).Select(e => e!).ToList();
}
