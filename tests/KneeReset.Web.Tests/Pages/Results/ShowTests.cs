using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>The result page at /r/{token}.</summary>
public class ShowTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Theory]
    [InlineData("pub-01", ".banner-selfcare")]
    [InlineData("pub-08", ".banner-clinician")]
    [InlineData("pub-06", ".banner-urgent")]
    public async Task Result_shows_the_triage_banner(string vignette, string banner)
    {
        using var client = factory.CreateBrowser();
        var (_, page) = await CreateAndShowAsync(client, vignette);

        Assert.NotNull(page.QuerySelector(banner));
        Assert.Single(page.QuerySelectorAll(".banner"));
    }

    [Fact]
    public async Task Result_shows_each_ranked_cause_with_its_evidence()
    {
        using var client = factory.CreateBrowser();
        var (created, page) = await CreateAndShowAsync(client, "pub-01");

        var shown = page.QuerySelectorAll(".cause-list > li.cause").ToList();
        var ranked = created["causes"]!.AsArray().Where(c => (string?)c!["band"] is "likely" or "possible").ToList();
        Assert.Equal(ranked.Count, shown.Count);
        Assert.Contains("Runner", shown[0].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
        {
            var evidence = shown[i].QuerySelectorAll(".evidence li").Select(li => li.TextContent).ToList();
            Assert.NotEmpty(evidence);
            foreach (var e in ranked[i]!["evidence"]!.AsArray())
            {
                var text = (string)e!["text"]!;
                Assert.Contains(evidence, li => li.Contains(text, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Result_shows_the_matched_routines()
    {
        using var client = factory.CreateBrowser();
        var (created, page) = await CreateAndShowAsync(client, "pub-01");

        var titles = page.QuerySelectorAll(".routine-list > li h3").Select(h => h.TextContent.Trim()).ToList();
        var expected = created["routines"]!.AsArray().Select(r => (string)r!["title"]!).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task Result_says_this_is_not_a_diagnosis()
    {
        using var client = factory.CreateBrowser();
        var (_, page) = await CreateAndShowAsync(client, "pub-01");

        var section = page.QuerySelector("section.not-a-diagnosis");
        Assert.NotNull(section);
        Assert.Contains("not a diagnosis", section.TextContent, StringComparison.OrdinalIgnoreCase);
        // Said once: the heading doesn't repeat the sentence under it.
        Assert.Single(section.TextContent.Split("not a diagnosis", StringSplitOptions.None).Skip(1));
    }

    [Fact]
    public async Task Result_without_a_clear_cause_says_so()
    {
        using var client = factory.CreateBrowser();
        var (created, page) = await CreateAndShowAsync(client, "pub-11");

        Assert.Null((string?)created["topCause"]);
        Assert.NotNull(page.QuerySelector(".no-cause"));
    }

    [Fact]
    public async Task Urgent_result_offers_no_routine()
    {
        using var client = factory.CreateBrowser();
        var (_, page) = await CreateAndShowAsync(client, "pub-06");

        Assert.Null(page.QuerySelector(".routine-list"));
        Assert.NotNull(page.QuerySelector("section.not-a-diagnosis"));
    }

    [Theory]
    [InlineData("pub-06")]
    [InlineData("pub-07")]
    [InlineData("pub-09")]
    public async Task Urgent_result_shows_no_exercise_advice_and_no_empty_score_talk(string vignette)
    {
        using var client = factory.CreateBrowser();
        var (_, page) = await CreateAndShowAsync(client, vignette);
        var text = page.QuerySelector("article.result")!.TextContent;

        Assert.Null(page.QuerySelector("section.causes"));
        Assert.Null(page.QuerySelector("section.prevention"));
        Assert.Null(page.QuerySelector("a[href^='/routines/']"));
        Assert.DoesNotContain("What helps", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sets", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ease off rather than stop", text, StringComparison.Ordinal);
        Assert.DoesNotContain("scores below", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task See_a_clinician_result_names_the_causes_but_gives_no_strengthening_advice()
    {
        using var client = factory.CreateBrowser();
        var answers = Vignettes.Find("pub-01").Answers;
        answers["red_flags"] = new JsonArray("giving_way");
        var created = await client.CreateAssessmentAsync(answers);
        var page = await client.GetPageAsync($"/r/{ApiClient.TokenOf(created)}");

        Assert.NotNull(page.QuerySelector(".banner-clinician"));
        Assert.NotEmpty(page.QuerySelectorAll(".cause-list > li.cause"));
        Assert.DoesNotContain("What helps", page.QuerySelector("section.causes")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("section[aria-labelledby='findings-title']"));
        Assert.All(created["routines"]!.AsArray(), r => Assert.Equal("gentle-range-of-motion", (string?)r!["slug"]));
    }

    [Fact]
    public async Task A_tendon_result_offers_one_loading_stage_and_links_the_next()
    {
        using var client = factory.CreateBrowser();
        var (created, page) = await CreateAndShowAsync(client, "pub-03");

        var slugs = created["routines"]!.AsArray().Select(r => (string)r!["slug"]!).ToList();
        Assert.Contains("tendon-loading", slugs);
        Assert.DoesNotContain("heavy-slow-tendon-strength", slugs);
        Assert.NotNull(page.QuerySelector(".next-stage a[href='/routines/heavy-slow-tendon-strength']"));
    }

    [Fact]
    public async Task A_stored_result_keeps_the_rules_version_it_was_made_with()
    {
        using var client = factory.CreateBrowser();
        var created = await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());
        var token = ApiClient.TokenOf(created);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As if made before the rules changed: the stored result names its own version.
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var stored = await db.Assessments.SingleAsync(a => a.Token == token);
            stored.ResultJson = stored.ResultJson.Replace($"\"rulesVersion\":\"{(string)created["rulesVersion"]!}\"", "\"rulesVersion\":\"2026.10.9\"", StringComparison.Ordinal);
            stored.RulesVersion = "2026.10.9";
            await db.SaveChangesAsync();
        }

        var page = await client.GetPageAsync($"/r/{token}");

        Assert.Contains("rules version 2026.10.9", page.QuerySelector(".result > .meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026.10.9", (string?)(await client.GetAssessmentAsync(token))["rulesVersion"]);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("nope")]
    public async Task Get_with_unknown_token_returns_404(string token)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/r/{token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("not found", page.QuerySelector("h1")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Result_page_is_never_indexed_nor_leaks_its_address()
    {
        using var client = factory.CreateBrowser();
        var token = ApiClient.TokenOf(await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()));

        using var response = await client.GetAsync(new Uri($"/r/{token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "A result page must not be cached.");
        Assert.DoesNotContain("'unsafe-inline'", Headers.ScriptSrc(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/r/AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/assess/AAAAAAAAAAAAAAAAAAAAAAAA/safety")]
    public async Task Not_found_under_a_token_path_is_never_indexed_nor_leaks_its_address(string path)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
    }

    private static async Task<(JsonObject Created, IHtmlDocument Page)> CreateAndShowAsync(HttpClient client, string vignette)
    {
        var created = await client.CreateAssessmentAsync(Vignettes.Find(vignette).Answers);
        var page = await client.GetPageAsync($"/r/{ApiClient.TokenOf(created)}");
        return (created, page);
    }
}
