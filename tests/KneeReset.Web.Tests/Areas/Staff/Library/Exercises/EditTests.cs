using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library.Exercises;

/// <summary>The exercise editor: Markdown that cannot carry script, picture uploads, and deleting only what no routine uses.</summary>
public class EditTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Markdown_in_instructions_keeps_bold_and_loses_script_links_and_handlers()
    {
        var slug = TestData.NewSlug("sanitised");
        using var editor = app.SignedIn(StaffRoles.Editor);
        var instructions = string.Join("\n",
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "<img src=x onerror=alert(1)>",
            "Squeeze **bold** at the top.");
        using var saved = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Exercises/Edit"))
            .Set("Input.Name", "Sanitised squeeze").Set("Input.Slug", slug)
            .Set("Input.Purpose", "Purpose with <script>alert(2)</script> and **strength**.")
            .Set("Input.Kind", "activation").Set("Input.Status", "published").Set("Input.BodyAreas", "glutes")
            .Set("Input.Instructions", instructions).Set("Input.Cues", "<a href=\"javascript:alert(3)\" onclick=\"alert(4)\">cue</a>")
            .PressAsync("Save");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(saved));
        using var runner = app.CreateBrowser();

        var page = await runner.GetPageAsync($"/exercises/{slug}");

        var article = page.QuerySelector("article.exercise")!.InnerHtml;
        Assert.Contains("<strong>bold</strong>", article, StringComparison.Ordinal);
        Assert.Contains("<strong>strength</strong>", article, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", article, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.QuerySelectorAll("article.exercise img"));
    }

    [Fact]
    public async Task Each_typed_line_is_one_item_and_equipment_is_split_at_commas()
    {
        var slug = TestData.NewSlug("lines");
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var saved = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Exercises/Edit"))
            .Set("Input.Name", " Lined up ").Set("Input.Slug", slug).Set("Input.Purpose", "Lines.")
            .Set("Input.Kind", "mobility").Set("Input.Status", "draft").Set("Input.BodyAreas", "hips")
            .Set("Input.Instructions", "  Stand tall.\r\n\r\nStep back.  \r\n").Set("Input.Equipment", "Band, step ,")
            .PressAsync("Save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(saved));
        var exercise = await app.QueryAsync(db => db.Exercises.SingleAsync(e => e.Slug == slug));
        Assert.Equal("Lined up", exercise.Name);
        Assert.Equal(["Stand tall.", "Step back."], exercise.Instructions);
        Assert.Equal(["band", "step"], exercise.Equipment);
        var form = await HtmlForm.OpenAsync(editor, Browser.AssertRedirect(saved));
        Assert.Equal("Stand tall.\nStep back.", form.Value("Input.Instructions"));
    }

    [Fact]
    public async Task A_png_picture_is_stored_and_served_with_its_type_and_nosniff()
    {
        var slug = TestData.NewSlug("pictured");
        var id = await app.CreateExerciseAsync(slug);
        using var editor = app.SignedIn(StaffRoles.Editor);
        var png = TestImages.OnePixelPng();

        using var saved = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}")).Attach("Picture", "knee.png", png, "image/png").PressAsync("Save");

        Assert.Equal($"/Staff/Library/Exercises/Edit/{id}?saved=2", Browser.AssertRedirect(saved));
        var image = (await editor.GetPageAsync($"/Staff/Library/Exercises/Edit/{id}")).QuerySelector("img.exercise-image")!.GetAttribute("src")!;
        Assert.Matches("^/media/[0-9a-f]{32}\\.png$", image);
        using var runner = app.CreateBrowser();
        using var served = await runner.GetAsync(new Uri(image, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(image, (await runner.GetPageAsync($"/exercises/{slug}")).QuerySelector("img.exercise-image")!.GetAttribute("src"));
    }

    public static TheoryData<string, int, string> RefusedPictures => new()
    {
        { "text renamed .png", 0, "Pictures must be PNG, JPEG or WebP images." },
        { "2.5 MB png", 2_621_440, "The picture is too large: the limit is 2 MB." },
    };

    [Theory]
    [MemberData(nameof(RefusedPictures))]
    public async Task A_picture_that_is_not_an_image_or_is_too_large_is_refused(string what, int length, string message)
    {
        Assert.NotNull(what);
        var slug = TestData.NewSlug("unpictured");
        var id = await app.CreateExerciseAsync(slug);
        using var editor = app.SignedIn(StaffRoles.Editor);
        var bytes = length == 0 ? "Just some notes, not a picture.\n"u8.ToArray() : TestImages.PngOfLength(length);
        var filesBefore = Directory.Exists(app.MediaFolder) ? Directory.GetFiles(app.MediaFolder).Length : 0;

        using var response = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}"))
            .Set("Input.Name", "Renamed too").Attach("Picture", "notes.png", bytes, "image/png").PressAsync("Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.Exercises.SingleAsync(e => e.Id == id));
        Assert.Equal((1, null, $"Exercise {slug}"), (stored.Version, stored.Image, stored.Name));
        Assert.Equal(filesBefore, Directory.Exists(app.MediaFolder) ? Directory.GetFiles(app.MediaFolder).Length : 0);
    }

    [Theory]
    [InlineData("/media/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/media/..%2Fkeys%2Fkey.xml")]
    [InlineData("/media/%2E%2E%5C%2E%2E%5Cappsettings.json")]
    [InlineData("/media/passwd.png")]
    [InlineData("/media/00000000000000000000000000000000.png")]
    [InlineData("/media/0000000000000000000000000000000G.png")]
    public async Task Media_names_the_store_did_not_give_out_are_404(string url)
    {
        using var runner = app.CreateBrowser();

        using var response = await runner.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_exercise_used_by_routines_cannot_be_deleted_and_the_message_names_them()
    {
        var slug = TestData.NewSlug("in-use");
        var id = await app.CreateExerciseAsync(slug);
        await app.CreateRoutineAsync(TestData.NewSlug("user-one"), title: "First user", steps: [new() { Exercise = slug, Sets = 1, Reps = 5 }]);
        await app.CreateRoutineAsync(TestData.NewSlug("user-two"), status: "published", title: "Second user", steps: [new() { Exercise = slug, Sets = 1, Reps = 5 }]);
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}", "form.danger-zone")).PressAsync("Delete this exercise");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await StaffPages.ErrorsAsync(response);
        Assert.Contains($"\"Exercise {slug}\" can't be deleted", errors, StringComparison.Ordinal);
        Assert.Contains("\"First user\" (draft)", errors, StringComparison.Ordinal);
        Assert.Contains("\"Second user\" (published)", errors, StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task An_exercise_named_as_another_ones_variation_cannot_be_deleted()
    {
        var target = TestData.NewSlug("harder-one");
        var targetId = await app.CreateExerciseAsync(target);
        using var editor = app.SignedIn(StaffRoles.Editor);
        await CreatePointingExerciseAsync(editor, "Points at it", harder: target);

        using var response = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{targetId}", "form.danger-zone")).PressAsync("Delete this exercise");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"Exercise {target}\" can't be deleted: it is the easier or harder variation of \"Points at it\".",
            await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Id == targetId)));
    }

    [Fact]
    public async Task Renaming_an_exercise_takes_the_variations_naming_it_along()
    {
        var target = TestData.NewSlug("easier-one");
        var targetId = await app.CreateExerciseAsync(target);
        using var editor = app.SignedIn(StaffRoles.Editor, "renamer@studio.test");
        var pointing = await CreatePointingExerciseAsync(editor, "Builds on it", easier: target);

        using var renamed = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{targetId}")).Set("Input.Slug", $"{target}-renamed").PressAsync("Save");

        Assert.True(renamed.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(renamed));
        var other = await app.QueryAsync(db => db.Exercises.SingleAsync(e => e.Slug == pointing));
        Assert.Equal(($"{target}-renamed", 2), (other.EasierSlug, other.Version));
        var revision = await app.QueryAsync(db => db.Revisions.SingleAsync(r => r.EntityType == "exercise" && r.EntityId == other.Id && r.Version == 2));
        Assert.Equal(("renamer@studio.test", "easier"), (revision.By, revision.Summary));
        using var runner = app.CreateBrowser();
        var page = await runner.GetPageAsync($"/exercises/{pointing}");
        Assert.Contains(page.QuerySelectorAll("article a"), a => a.GetAttribute("href") == $"/exercises/{target}-renamed");
    }

    [Fact]
    public async Task An_exercise_in_a_gentle_routine_cannot_become_strength_work()
    {
        var slug = TestData.NewSlug("gentle-move");
        var id = await app.CreateExerciseAsync(slug);
        await app.CreateRoutineAsync(TestData.NewSlug("gentle"), status: "published", title: "Gentle while waiting", gentle: true,
            steps: [new() { Exercise = slug, Sets = 1, Reps = 10 }]);
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}")).Set("Input.Kind", "strength").PressAsync("Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"Gentle while waiting\"", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal(("mobility", 1), await app.QueryAsync(db => db.Exercises.Where(e => e.Id == id).Select(e => new ValueTuple<string, int>(e.Kind, e.Version)).SingleAsync()));
    }

    [Fact]
    public async Task Staff_mark_an_exercise_springy_and_the_form_shows_it_next_time()
    {
        var slug = TestData.NewSlug("hop");
        using var editor = app.SignedIn(StaffRoles.Editor, "springy@studio.test");

        using var saved = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Exercises/Edit"))
            .Set("Input.Name", "Forward hops").Set("Input.Slug", slug).Set("Input.Purpose", "Quick, light hops.").Set("Input.Kind", "activation")
            .Set("Input.Status", "published").Set("Input.BodyAreas", "calves").Set("Input.Instructions", "Hop forward.").Set("Input.Springy", "true")
            .PressAsync("Save");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(saved));
        var id = await app.QueryAsync(db => db.Exercises.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync());
        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}");

        Assert.True(await app.QueryAsync(db => db.Exercises.Where(e => e.Id == id).Select(e => e.Springy).SingleAsync()));
        Assert.Equal("true", form.Value("Input.Springy"));
    }

    /// <summary>Creates a published exercise through the form with an easier or harder variation; returns its slug.</summary>
    private static async Task<string> CreatePointingExerciseAsync(HttpClient editor, string name, string? easier = null, string? harder = null)
    {
        var slug = TestData.NewSlug("pointing");
        using var saved = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Exercises/Edit"))
            .Set("Input.Name", name).Set("Input.Slug", slug).Set("Input.Purpose", "Has a variation.").Set("Input.Kind", "mobility")
            .Set("Input.Status", "published").Set("Input.BodyAreas", "hips").Set("Input.Instructions", "Move.")
            .Set("Input.Easier", easier ?? "").Set("Input.Harder", harder ?? "")
            .PressAsync("Save");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(saved));
        return slug;
    }

    [Fact]
    public async Task An_unused_exercise_can_be_deleted()
    {
        var slug = TestData.NewSlug("unused");
        var id = await app.CreateExerciseAsync(slug);
        using var editor = app.SignedIn(StaffRoles.Editor, "deleter@studio.test");

        using var response = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}", "form.danger-zone")).PressAsync("Delete this exercise");

        Assert.Equal("/Staff/Library/Exercises", Browser.AssertRedirect(response));
        Assert.False(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Id == id)));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "exercise.deleted" && a.Target == $"exercise {slug}" && a.Actor == "deleter@studio.test")));
        using var runner = app.CreateBrowser();
        using var page = await runner.GetAsync(new Uri($"/exercises/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task A_save_from_a_stale_exercise_form_shows_the_conflict()
    {
        var slug = TestData.NewSlug("contested-exercise");
        var id = await app.CreateExerciseAsync(slug);
        using var first = app.SignedIn(StaffRoles.Editor, "first@studio.test");
        using var second = app.SignedIn(StaffRoles.Editor, "second@studio.test");
        var firstForm = await HtmlForm.OpenAsync(first, $"/Staff/Library/Exercises/Edit/{id}");
        var secondForm = await HtmlForm.OpenAsync(second, $"/Staff/Library/Exercises/Edit/{id}");
        using var firstSaved = await firstForm.Set("Input.Name", "First name").PressAsync("Save");
        Browser.AssertRedirect(firstSaved);

        using var conflict = await secondForm.Set("Input.Purpose", "Second purpose.").PressAsync("Save");

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var banner = (await Browser.ParseAsync(conflict)).QuerySelector(".conflict")!;
        Assert.Equal(["Name", "Purpose"], banner.QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent).Order());
        Assert.Equal(("First name", "Made by a test.", 2), await app.QueryAsync(db => db.Exercises.Where(e => e.Id == id).Select(e => new ValueTuple<string, string, int>(e.Name, e.Purpose, e.Version)).SingleAsync()));

        using var kept = await (await HtmlForm.ReadAsync(second, conflict)).PressAsync("Save mine over theirs");
        Assert.EndsWith("?saved=3", Browser.AssertRedirect(kept), StringComparison.Ordinal);
        Assert.Equal(($"Exercise {slug}", "Second purpose."), await app.QueryAsync(db => db.Exercises.Where(e => e.Id == id).Select(e => new ValueTuple<string, string>(e.Name, e.Purpose)).SingleAsync()));
    }
}
