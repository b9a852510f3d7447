using System.Text.RegularExpressions;

namespace KneeReset.Web.Tests.Pages.Routines;

/// <summary>What a routine says about itself agrees with what it is (issue 27, item 8).</summary>
public class RoutineFiguresTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_five_minute_reset_says_about_five_minutes_counting_the_players_get_ready()
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetPageAsync("/routines/post-run-knee-reset");

        Assert.StartsWith("5-minute", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("About 5 min", page.QuerySelector("p.targets")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_that_names_its_minutes_matches_the_time_shown_in_the_list()
    {
        using var client = factory.CreateBrowser();

        var cards = (await client.GetPageAsync("/routines")).QuerySelectorAll(".routine-card");

        var timed = cards.Select(c => (Title: c.QuerySelector("h2")!.TextContent, Line: c.QuerySelector("p.targets")!.TextContent))
            .Select(c => (Named: Regex.Match(c.Title, @"(\d+)-minute"), Shown: Regex.Match(c.Line, @"About (\d+) min")))
            .Where(c => c.Named.Success).ToList();
        Assert.NotEmpty(timed);
        Assert.All(timed, c => Assert.Equal(c.Named.Groups[1].Value, c.Shown.Groups[1].Value));
    }

    [Fact]
    public async Task What_a_routine_works_on_is_shown_in_words_not_codes()
    {
        using var client = factory.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(client);

        var result = await client.GetPageAsync(share);
        var routine = await client.GetPageAsync("/routines/post-run-knee-reset");

        var worksOn = result.QuerySelectorAll(".routine-card .targets").Select(p => p.TextContent).ToList();
        Assert.Contains(worksOn, l => l.Contains("post-run reset", StringComparison.Ordinal));
        Assert.Contains("thighs (quads)", routine.QuerySelector("p.targets")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(worksOn, l => Regex.IsMatch(l.Trim(), @"(: |, )(quads|reset)(,|$)"));
    }
}
