using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>
/// A draft never takes published content offline: a draft saved over a live routine or exercise
/// waits beside it, runners keep the published version until the draft is published, and the
/// editor says so before the save.
/// </summary>
public class DraftOverPublishedTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Saving_a_live_routine_as_draft_keeps_the_published_version_for_runners_until_it_is_published()
    {
        var slug = TestData.NewSlug("live");
        var id = await app.CreateRoutineAsync(slug, status: "published", title: "Live title");
        using var runner = app.CreateBrowser();
        Assert.Contains("Live title", (await runner.GetPageAsync($"/routines/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using var editor = app.SignedIn(StaffRoles.Editor);

        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}");
        Assert.Contains("publishing replaces what runners see now", form.Page.QuerySelector(".publish-effect")!.TextContent, StringComparison.OrdinalIgnoreCase);
        using var drafted = await form.Set("Input.Title", "Draft title").Set("Input.Status", "draft").PressAsync("Save");
        var edit = Browser.AssertRedirect(drafted);

        foreach (var url in new[] { $"/routines/{slug}", $"/routines/{slug}/play" })
        {
            var page = await runner.GetPageAsync(url);
            Assert.Contains("Live title", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("Live title", (string)(await PublicRoutineAsync(runner, slug))!["title"]!);
        Assert.Contains(slug, (await runner.GetPageAsync("/routines")).QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);

        var reopened = await HtmlForm.OpenAsync(editor, edit);
        Assert.Equal("Draft title", reopened.Value("Input.Title"));
        Assert.Contains("Runners keep seeing the published version until you publish this draft",
            reopened.Page.QuerySelector(".publish-effect")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Draft title", (await editor.GetPageAsync($"/Staff/Library/Routines/Preview/{id}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var revisions = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == "routine" && r.EntityId == id).CountAsync());
        Assert.Equal(2, revisions);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Target == $"routine {slug}" && a.Details!.Contains("version 2"))));

        using var published = await reopened.Set("Input.Status", "published").PressAsync("Save");
        Browser.AssertRedirect(published);

        Assert.Contains("Draft title", (await runner.GetPageAsync($"/routines/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Draft title", (string)(await PublicRoutineAsync(runner, slug))!["title"]!);
        Assert.Null((await app.RoutineAsync(slug))!.DraftJson);
    }

    [Fact]
    public async Task Discarding_a_draft_leaves_the_published_routine_as_it_was()
    {
        var slug = TestData.NewSlug("discard");
        var id = await app.CreateRoutineAsync(slug, status: "published", title: "Kept title");
        using var editor = app.SignedIn(StaffRoles.Editor);
        using var drafted = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}"))
            .Set("Input.Title", "Unwanted title").Set("Input.Status", "draft").PressAsync("Save");
        var edit = Browser.AssertRedirect(drafted);

        using var discarded = await (await HtmlForm.OpenAsync(editor, edit)).PressAsync("Discard this draft");
        Browser.AssertRedirect(discarded);

        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}");
        Assert.Equal("Kept title", form.Value("Input.Title"));
        Assert.Equal("published", form.Value("Input.Status"));
        Assert.DoesNotContain(form.Page.QuerySelectorAll("button"), b => b.TextContent.Contains("Discard", StringComparison.Ordinal));
        using var runner = app.CreateBrowser();
        Assert.Contains("Kept title", (await runner.GetPageAsync($"/routines/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_live_exercise_as_draft_keeps_the_published_exercise_for_runners()
    {
        var slug = TestData.NewSlug("live-move");
        var id = await app.CreateExerciseAsync(slug, status: "published");
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var drafted = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}"))
            .Set("Input.Name", "Renamed in draft").Set("Input.Status", "draft").PressAsync("Save");
        Assert.True(drafted.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(drafted));

        using var runner = app.CreateBrowser();
        Assert.Contains($"Exercise {slug}", (await runner.GetPageAsync($"/exercises/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}");
        Assert.Equal("Renamed in draft", form.Value("Input.Name"));
        Assert.Contains("Runners keep seeing the published version until you publish this draft", form.Page.QuerySelector(".publish-effect")!.TextContent, StringComparison.Ordinal);

        using var published = await form.Set("Input.Status", "published").PressAsync("Save");
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(published));
        Assert.Contains("Renamed in draft", (await runner.GetPageAsync($"/exercises/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<JsonNode?> PublicRoutineAsync(HttpClient client, string slug) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/routines"))!.SingleOrDefault(r => (string)r!["slug"]! == slug);
}
