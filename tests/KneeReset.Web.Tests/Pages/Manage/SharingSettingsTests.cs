using System.Net;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>
/// The sharing controls on the private page: the settings form keeps what the runner didn't change
/// (issue 11, finding 1); a stopped link says so, and a new link asks first while the old one works (issue 27, item 4).
/// </summary>
public class SharingSettingsTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Adding_a_passcode_keeps_a_90_day_link_at_90_days()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Expiry", "90"));
        var ninetyDays = await ExpiryAsync(share);

        var form = await HtmlForm.OpenAsync(runner, manage, "form[action*='handler=Sharing']");
        var shown = form.Page.QuerySelector("select[name='Sharing.Expiry'] option[selected]") ?? form.Page.QuerySelector("select[name='Sharing.Expiry'] option");
        Assert.Equal($"Until {ninetyDays:d MMMM yyyy} (UTC)", shown!.TextContent);
        using var saved = await form.Set("Sharing.Passcode", "blue-heron").SubmitAsync();
        Browser.AssertRedirect(saved);

        Assert.Equal(ninetyDays, await ExpiryAsync(share));
        Assert.Contains($"until {ninetyDays:d MMMM yyyy}", (await runner.GetPageAsync(manage)).QuerySelector(".sharing")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_new_expiry_still_changes_it()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);

        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Expiry", "never"));

        Assert.Null(await ExpiryAsync(share));
        var shown = (await runner.GetPageAsync(manage)).QuerySelector("select[name='Sharing.Expiry'] option")!;
        Assert.Equal("With no end, as now", shown.TextContent);
    }

    [Fact]
    public async Task The_current_end_in_the_expiry_choice_is_the_date_the_sentence_above_shows_in_the_readers_zone()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);

        var sharing = (await runner.GetPageAsync(manage)).QuerySelector(".sharing")!;
        var sentence = sharing.QuerySelector("p time")!;
        var current = sharing.QuerySelector("select[name='Sharing.Expiry'] option")!;

        // Without script both read the same UTC day; local-time.js rewrites both into the reader's own.
        Assert.Equal($"Until {sentence.TextContent}", current.TextContent);
        Assert.Equal(sentence.GetAttribute("datetime"), current.GetAttribute("data-datetime"));
        Assert.Equal("date", current.GetAttribute("data-local"));
        Assert.Equal("Until ", current.GetAttribute("data-local-before"));
    }

    [Fact]
    public async Task After_a_revoke_the_page_says_the_link_is_stopped_and_what_a_new_one_does()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        var ends = await ExpiryAsync(share);

        await RunnerResults.PostFormAsync(runner, manage, "Revoke");

        var sharing = (await runner.GetPageAsync(manage)).QuerySelector(".sharing")!;
        var text = sharing.TextContent;
        Assert.Null(sharing.QuerySelector("option[data-local-before]"));
        Assert.DoesNotContain("As now", text, StringComparison.Ordinal);
        Assert.Null(sharing.QuerySelector("select[name='Sharing.Expiry']"));
        Assert.Null(sharing.QuerySelector("form[action*='handler=Revoke']"));
        var stopped = sharing.QuerySelector(".share-stopped")!;
        Assert.Contains("You stopped your share link", stopped.TextContent, StringComparison.Ordinal);
        Assert.Contains("new address", stopped.TextContent, StringComparison.Ordinal);
        // The end a new link would get, from the rule on the assessment: here the one it had.
        Assert.Contains($"until {ends:d MMMM yyyy}", stopped.TextContent, StringComparison.Ordinal);
        // Nothing works to be lost, so a new link needs no confirmation.
        Assert.Null(sharing.QuerySelector("input[name='confirmNewLink']"));
        using var made = await RunnerResults.PostFormAsync(runner, manage, "NewLink");
        Browser.AssertRedirect(made);
        Assert.NotNull((await runner.GetPageAsync(manage)).QuerySelector("#share-url"));
    }

    [Fact]
    public async Task A_new_link_while_the_shared_one_works_needs_the_box_ticked_and_says_so_beside_it()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);

        using var unconfirmed = await RunnerResults.PostFormAsync(runner, manage, "NewLink");

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var form = (await Browser.ParseAsync(unconfirmed)).QuerySelector("form[action*='handler=NewLink']")!;
        Assert.EndsWith("#share-actions", form.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Contains("Tick the box", form.QuerySelector(".field-error#confirm-new-link-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("confirm-new-link-error", form.QuerySelector("input#confirm-new-link")?.GetAttribute("aria-describedby"));
        Assert.Contains("stops working", form.QuerySelector("label")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await runner.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);

        using var confirmed = await RunnerResults.PostFormAsync(runner, manage, "NewLink", ("confirmNewLink", "true"));

        Browser.AssertRedirect(confirmed);
        Assert.Equal(HttpStatusCode.NotFound, (await runner.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);
    }

    private Task<DateTimeOffset?> ExpiryAsync(string share) =>
        app.QueryAsync(db => db.Assessments.Where(a => a.Token == RunnerResults.TokenOf(share)).Select(a => a.ShareExpiresAt).SingleAsync());
}
