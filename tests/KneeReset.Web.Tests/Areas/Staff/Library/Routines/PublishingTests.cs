using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff.Library.Routines;

/// <summary>What runners see: drafts stay private, publishing and edits show at once (the public cache is evicted).</summary>
public class PublishingTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_draft_is_not_public_until_it_is_published_then_it_is_at_once()
    {
        var slug = TestData.NewSlug("soon-public");
        using var editor = app.SignedIn(StaffRoles.Editor);
        using var runner = app.CreateBrowser();
        await PublicSlugsAsync(runner); // the list is now in the output cache
        using var created = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Routines/Edit"))
            .Set("Input.Title", "Soon public").Set("Input.Slug", slug).Set("Input.Summary", "Draft first.").Set("Input.WhenToDo", "Daily.")
            .Set("Input.Status", "draft")
            .Set("Input.Steps[0].Exercise", "heel-slides").Set("Input.Steps[0].Sets", "2").Set("Input.Steps[0].Reps", "10").Set("Input.Steps[0].RestSeconds", "20")
            .PressAsync("Save");
        var edit = Browser.AssertRedirect(created);

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(runner, $"/routines/{slug}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(runner, $"/routines/{slug}/play"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(runner, $"/api/routines/{slug}"));
        Assert.DoesNotContain(slug, await PublicSlugsAsync(runner));
        var preview = await editor.GetPageAsync($"/Staff/Library/Routines/Preview/{(await app.RoutineAsync(slug))!.Id}");
        Assert.Contains("Soon public", preview.QuerySelector("article")!.TextContent, StringComparison.Ordinal);

        using var published = await (await HtmlForm.OpenAsync(editor, edit)).Set("Input.Status", "published").PressAsync("Save");
        Browser.AssertRedirect(published);

        Assert.Contains("Soon public", (await runner.GetPageAsync($"/routines/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(slug, await PublicSlugsAsync(runner));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(runner, $"/api/routines/{slug}"));
    }

    [Fact]
    public async Task A_new_title_on_a_published_routine_shows_at_once_though_the_page_was_cached()
    {
        var slug = TestData.NewSlug("renamed");
        var id = await app.CreateRoutineAsync(slug, status: "published", title: "Old public title");
        using var runner = app.CreateBrowser();
        var before = await runner.GetStringAsync(new Uri($"/routines/{slug}", UriKind.Relative));
        Assert.Contains("Old public title", before, StringComparison.Ordinal);
        Assert.Equal(before, await runner.GetStringAsync(new Uri($"/routines/{slug}", UriKind.Relative)));
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var saved = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}")).Set("Input.Title", "New public title").PressAsync("Save");
        Browser.AssertRedirect(saved);

        var after = await runner.GetPageAsync($"/routines/{slug}");
        Assert.Contains("New public title", after.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var listed = (await runner.GetFromJsonAsync<JsonArray>("/api/routines"))!.Single(r => (string)r!["slug"]! == slug)!;
        Assert.Equal("New public title", (string)listed["title"]!);
    }

    [Fact]
    public async Task Archiving_a_published_routine_takes_it_off_the_public_site_at_once()
    {
        var slug = TestData.NewSlug("retired");
        var id = await app.CreateRoutineAsync(slug, status: "published");
        using var runner = app.CreateBrowser();
        await runner.GetPageAsync($"/routines/{slug}");
        Assert.Contains(slug, await PublicSlugsAsync(runner));
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var saved = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}")).Set("Input.Status", "archived").PressAsync("Save");
        Browser.AssertRedirect(saved);

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(runner, $"/routines/{slug}"));
        Assert.DoesNotContain(slug, await PublicSlugsAsync(runner));
    }

    [Fact]
    public async Task Markdown_in_a_routine_reaches_runners_without_script()
    {
        var slug = TestData.NewSlug("markdown");
        using var editor = app.SignedIn(StaffRoles.Editor);
        using var saved = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Routines/Edit"))
            .Set("Input.Title", "Markdown routine").Set("Input.Slug", slug).Set("Input.Status", "published")
            .Set("Input.Summary", "Hips **first**.<script>alert(1)</script>")
            .Set("Input.WhenToDo", "[after runs](javascript:alert(2))")
            .Set("Input.PainRule", "<img src=x onerror=alert(3)> Stop at *4/10*.")
            .Set("Input.Steps[0].Exercise", "heel-slides").Set("Input.Steps[0].Sets", "1").Set("Input.Steps[0].Reps", "10").Set("Input.Steps[0].RestSeconds", "0")
            .Set("Input.Steps[0].Note", "<b onmouseover=alert(4)>Slow</b>")
            .PressAsync("Save");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await StaffPages.ErrorsAsync(saved));
        using var runner = app.CreateBrowser();

        foreach (var url in new[] { $"/routines/{slug}", $"/routines/{slug}/play" })
        {
            // Where the text is shown as text, "javascript:" may appear: what matters is that no element runs it.
            var main = (await runner.GetPageAsync(url)).QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("script:not([src]), img"));
            Assert.DoesNotContain(main.QuerySelectorAll("*").SelectMany(e => e.Attributes), a =>
                a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("<em>4/10</em>", main.InnerHtml, StringComparison.Ordinal);
        }
        Assert.Contains("<strong>first</strong>", (await runner.GetPageAsync($"/routines/{slug}")).QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
    }

    private static async Task<List<string>> PublicSlugsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/routines"))!.Select(r => (string)r!["slug"]!).ToList();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }
}
