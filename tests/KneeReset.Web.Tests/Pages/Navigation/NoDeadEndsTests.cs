using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Pages.Navigation;

/// <summary>
/// Every page has a way on: the runner's player back to their result, an exercise back to the
/// routines it is part of, the FHIR download saves a file instead of stranding the reader on raw
/// JSON, and a clinician's staff home says how shared results reach them and opens one.
/// </summary>
public class NoDeadEndsTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_private_player_links_back_to_the_runners_result_and_the_public_one_has_no_result_to_link()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        var own = await client.GetPageAsync($"{manage}/play/core-stability");
        var back = own.QuerySelectorAll("main a").FirstOrDefault(a => a.TextContent.Trim() == "Back to my result");
        Assert.NotNull(back);
        Assert.Equal(manage, back.GetAttribute("href"));

        var open = await client.GetPageAsync("/routines/core-stability/play");
        Assert.DoesNotContain(open.QuerySelectorAll("main a"), a => a.TextContent.Contains("my result", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exercise_page_links_to_each_published_routine_it_is_a_step_of()
    {
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync("/exercises/dead-bug");

        var links = page.QuerySelectorAll(".in-routines a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/routines/core-stability", links);
        foreach (var href in links)
        {
            var routine = await client.GetPageAsync(href!);
            Assert.Contains(routine.QuerySelectorAll(".steps h2 a"), a => a.GetAttribute("href") == "/exercises/dead-bug");
        }
    }

    [Fact]
    public async Task The_fhir_download_links_save_a_named_file_while_a_plain_get_reads_the_bundle_inline()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        var page = await client.GetPageAsync(manage);
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("(FHIR)", StringComparison.Ordinal)).GetAttribute("href")!;

        foreach (var address in new[] { link, $"{share}/fhir?download" })
        {
            using var download = await client.GetAsync(new Uri(address, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Matches(@"^knee-assessment-\d{4}-\d{2}-\d{2}\.fhir\.json$", download.Content.Headers.ContentDisposition!.FileName);
        }
        using var inline = await client.GetAsync(new Uri($"{share}/fhir", UriKind.Relative));
        Assert.Null(inline.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task A_clinicians_staff_home_opens_a_pasted_share_link_and_explains_a_link_that_is_not_one()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var home = await clinician.GetPageAsync("/Staff");
        Assert.NotNull(home.QuerySelector("form[action*='handler=Open'] input[name='SharedLink']"));
        using var opened = await clinician.SubmitAsync(home, "/Staff?handler=Open", null, ("SharedLink", $"  http://localhost{share}?utm=x "));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(share, opened.Headers.Location?.OriginalString);

        using var wrong = await clinician.SubmitAsync(await clinician.GetPageAsync("/Staff"), "/Staff?handler=Open", null, ("SharedLink", "http://localhost/r/not-a-token"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("isn't a KneeReset share link", (await Browser.ParseAsync(wrong)).QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);

        using var editor = app.SignedIn(StaffRoles.Editor);
        Assert.Null((await editor.GetPageAsync("/Staff")).QuerySelector("form[action*='handler=Open']"));
    }
}
