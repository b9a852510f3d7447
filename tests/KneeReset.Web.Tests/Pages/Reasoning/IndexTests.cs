using System.Net;
using KneeReset.Core;
using KneeReset.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Reasoning;

/// <summary>"How KneeReset reasons": the public page generated from content/rules.json.</summary>
public class IndexTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly Core.Rules.RuleSet Rules = ContentJson.ReadRuleSet(TestFiles.RepositoryContentFolder());

    [Fact]
    public async Task The_page_lists_every_rule_with_its_effect_why_and_source_and_the_rules_version()
    {
        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(new Uri("/how-it-reasons", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var text = page.QuerySelector("article.reasoning")!.TextContent;

        Assert.Contains($"Rules version {Rules.Version}", text, StringComparison.Ordinal);
        foreach (var rule in Rules.Triage)
        {
            var row = page.QuerySelector($"#triage-{rule.Id}");
            Assert.NotNull(row);
            Assert.Contains(rule.Why, row.TextContent, StringComparison.Ordinal);
            Assert.Contains(rule.Source, row.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(row.QuerySelector(".time-frame")!.TextContent.Trim());
        }
        foreach (var cause in Rules.Causes)
        {
            var section = page.QuerySelector($"#cause-{cause.Id}")!.TextContent;
            Assert.All(cause.Signals, s => Assert.Contains(s.Why, section, StringComparison.Ordinal));
            Assert.All(cause.Care, n => Assert.Contains(n.Why, section, StringComparison.Ordinal));
        }
        Assert.All(Rules.Findings, f => Assert.Contains(f.Why, text, StringComparison.Ordinal));
        // Weights are shown as points, and conditions in the vocabulary's words.
        Assert.Contains("red_flags includes rapid_swelling", text, StringComparison.Ordinal);
        Assert.Contains("+4", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_every_rules_time_frame_and_what_each_time_frame_asks()
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/how-it-reasons");

        Assert.Equal("Today", page.QuerySelector("#triage-calf_pain .time-frame")!.TextContent.Trim());
        Assert.Equal("Within 48 hours", page.QuerySelector("#triage-severe_pain .time-frame")!.TextContent.Trim());
        Assert.Equal("Within 1–2 weeks", page.QuerySelector("#triage-outside_the_four .time-frame")!.TextContent.Trim());
        foreach (var frame in Enum.GetValues<Core.Rules.TimeFrame>())
        {
            Assert.Contains(Rules.Words(frame), page.QuerySelector($"#time-frame-{Vocabulary.Word(frame)}")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_page_shows_the_review_point_prevention_and_the_pain_model_with_its_escalations()
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/how-it-reasons");
        var model = factory.Services.GetRequiredService<ContentCatalog>().Pain.Model;

        Assert.Contains(Rules.Review.Why, page.QuerySelector("#review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Rules.Prevention!.Why, page.QuerySelector("#prevention")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Rules.WatchFor.Count, page.QuerySelectorAll("ul.watch-for li").Length);
        Assert.Contains(model.Progress.Why, page.QuerySelector("#pain-progress")!.TextContent, StringComparison.Ordinal);
        Assert.All(model.Escalations, e =>
        {
            var row = page.QuerySelector($"#escalation-{e.Id}")!;
            Assert.Contains(e.Source, row.TextContent, StringComparison.Ordinal);
            Assert.Contains(e.Rule, row.TextContent, StringComparison.Ordinal);
        });
        Assert.Equal("Within 48 hours (as severe_pain)", page.QuerySelector("#escalation-severe_session td:nth-child(2)")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_page_shows_the_return_to_running_ladder_from_its_content()
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/how-it-reasons");
        var ladder = factory.Services.GetRequiredService<ContentCatalog>().Ladder.Ladder;

        Assert.Contains($"Ladder version {ladder.Version}", page.QuerySelector("#return-to-run")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(ladder.Ladder.Why, page.QuerySelector("#ladder-why")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ladder.Stages.Count, page.QuerySelectorAll("table.ladder-stages tbody tr").Length);
        Assert.Equal(["1", "1", "4", "6", "30"], page.QuerySelectorAll("#ladder-stage-1 td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["7", "30", "none", "1", "30"], page.QuerySelectorAll("#ladder-stage-7 td").Select(td => td.TextContent.Trim()));
        Assert.All(ladder.Entry.SelfTests, t =>
        {
            var row = page.QuerySelector($"#self-test-{t.Id}")!.TextContent;
            Assert.Contains(t.Name, row, StringComparison.Ordinal);
            Assert.Contains(t.Why, row, StringComparison.Ordinal);
            Assert.Contains(t.Source, row, StringComparison.Ordinal);
        });
        Assert.Contains(ladder.Gates.MoveUp.Why, page.QuerySelector("#ladder-move-up")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(ladder.Gates.RestDay.Source, page.QuerySelector("#ladder-rest-day")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("pain during over 5/10", page.QuerySelector("#ladder-step-back")!.TextContent, StringComparison.Ordinal);
        Assert.All(ladder.Escalations, e => Assert.Contains(e.Why, page.QuerySelector($"#ladder-escalation-{e.Id}")!.TextContent, StringComparison.Ordinal));
        Assert.Equal("Within 48 hours (as severe_pain)", page.QuerySelector("#ladder-escalation-severe_run td:nth-child(3)")!.TextContent.Trim());
    }
}
