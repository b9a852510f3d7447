namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>The shared result speaks to the runner only on their own private page.</summary>
public class WordingTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_third_party_on_the_share_link_reads_neutral_wording_and_the_runner_reads_your()
    {
        using var client = factory.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        var start = (await client.GetPageAsync(manage)).QuerySelector(".routines a.button")!.GetAttribute("href")!;
        using var logged = await client.SubmitAsync(start, null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        Browser.AssertRedirect(logged);

        using var stranger = factory.CreateBrowser();
        var shared = await stranger.GetPageAsync(share);
        // The heading says what the page is and its date, not just "This result".
        var heading = shared.QuerySelector("h1")!;
        Assert.StartsWith("Knee pain self-assessment of ", heading.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(factory.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), heading.QuerySelector("time")!.GetAttribute("datetime")![..10]);
        Assert.Contains(shared.QuerySelectorAll("h3"), h => h.TextContent == "From the logged sessions");
        Assert.DoesNotContain(shared.QuerySelectorAll("h1, h3"), h => h.TextContent.Contains("Your result", StringComparison.Ordinal) || h.TextContent.Contains("your logged", StringComparison.Ordinal));

        var own = await client.GetPageAsync(manage);
        Assert.Contains(own.QuerySelectorAll("h1"), h => h.TextContent.Trim() == "Your result");
        Assert.Contains(own.QuerySelectorAll("h3"), h => h.TextContent == "From your logged sessions");
    }
}
