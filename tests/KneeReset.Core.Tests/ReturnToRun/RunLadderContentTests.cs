using System.Text.Json;
using KneeReset.Core.ReturnToRun;

namespace KneeReset.Core.Tests.ReturnToRun;

/// <summary>content/return-to-run.json: every rule explains itself, and the ladder agrees with the pain model.</summary>
public class RunLadderContentTests
{
    private static readonly RunLadder Ladder = LadderMonitorTests.Monitor.Ladder;

    [Fact]
    public void Every_rule_self_test_and_escalation_has_a_why_and_a_source()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContent.Dir, "return-to-run.json")));
        var root = document.RootElement;
        var rules = new List<(string Name, JsonElement Rule)> { ("ladder", root.GetProperty("ladder")), ("entry", root.GetProperty("entry")) };
        rules.AddRange(root.GetProperty("gates").EnumerateObject().Select(g => ($"gates.{g.Name}", g.Value)));
        rules.AddRange(root.GetProperty("entry").GetProperty("selfTests").EnumerateArray().Select(t => ($"selfTest {t.GetProperty("id")}", t)));
        rules.AddRange(root.GetProperty("escalations").EnumerateArray().Select(e => ($"escalation {e.GetProperty("id")}", e)));

        Assert.Equal(5, root.GetProperty("gates").EnumerateObject().Count());
        Assert.All(rules, r =>
        {
            Assert.True(r.Rule.TryGetProperty("why", out var why) && why.GetString()!.Length > 20, $"{r.Name} needs a why");
            Assert.True(r.Rule.TryGetProperty("source", out var source) && source.GetString()!.Length > 5, $"{r.Name} needs a source");
        });
    }

    [Fact]
    public void The_ladder_climbs_from_short_intervals_to_30_minutes_continuous_in_sessions_of_about_30_minutes()
    {
        Assert.Equal(1, Ladder.Stages[0].RunMinutes);
        Assert.True(Ladder.TopStage.Continuous);
        Assert.Equal(30, Ladder.TopStage.TotalMinutes);
        Assert.All(Ladder.Stages, s => Assert.InRange(s.TotalMinutes, 25, 35));
        Assert.Empty(Ladder.Problems(TestContent.Rules.RuleSet, LadderMonitorTests.Pain));
    }

    [Fact]
    public void The_gates_and_escalations_agree_with_the_pain_model()
    {
        var pain = LadderMonitorTests.Pain;
        var severe = pain.Escalations.Single(e => e.Id == "severe_session");
        var steps = pain.Escalations.Single(e => e.Id == "step_backs_in_a_row");

        Assert.Equal(pain.Zones.SafeMax, Ladder.Gates.Counts.DuringMax);
        Assert.Equal(pain.Zones.AcceptableMax, Ladder.Gates.StepBack.DuringAbove);
        Assert.Equal(pain.Zones.SafeMax, Ladder.Entry.PainMax);
        Assert.Contains(Ladder.Escalations, e => e.DuringAtLeast == severe.DuringAtLeast && e.Rule == severe.Rule);
        Assert.Contains(Ladder.Escalations, e => e.StepBacksInARow == steps.StepBacksInARow && e.Rule == steps.Rule);
    }

    [Fact]
    public void A_ladder_that_breaks_its_own_rules_is_refused_with_the_problems_named()
    {
        var broken = new RunLadder
        {
            Version = "x",
            Ladder = new LadderStages { Conditions = "c", Why = "w", Source = "s", Stages = [new RunStage { Stage = 2, RunMinutes = 0, WalkMinutes = 1, Repeats = 1 }] },
            Entry = new EntryCriteria { PainMax = 2, ValidForDays = 14, Why = "w", Source = "s", SelfTests = [] },
            Gates = Ladder.Gates,
            Escalations = [new LadderEscalation { Id = "e", Rule = "no_such_rule", Reason = "r", Why = "w", Source = "s" }],
        };

        var problems = broken.Problems(TestContent.Rules.RuleSet, LadderMonitorTests.Pain).ToList();

        Assert.Contains("stages must be numbered 1, 2, 3, ... in order", problems);
        Assert.Contains("entry needs self-tests with distinct ids", problems);
        Assert.Contains("escalation e names no triage rule no_such_rule", problems);
        Assert.Contains("escalation e says neither duringAtLeast, stepBacksInARow nor swellingRuns", problems);
        Assert.Contains(problems, p => p.StartsWith("stage 2 needs some running", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_a_ladder_whose_escalation_names_no_triage_rule_stops_and_says_which()
    {
        var dir = Directory.CreateTempSubdirectory("return-to-run-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "return-to-run.json"),
                File.ReadAllText(Path.Combine(TestContent.Dir, "return-to-run.json")).Replace("\"rule\": \"knee_swelling\"", "\"rule\": \"no_such_rule\"", StringComparison.Ordinal));

            var e = Assert.Throws<InvalidDataException>(() => ContentJson.ReadRunLadder(dir.FullName, TestContent.Rules.RuleSet, LadderMonitorTests.Pain));
            Assert.Contains("escalation swelling_after_runs names no triage rule no_such_rule", e.Message, StringComparison.Ordinal);
            Assert.Contains("return-to-run.json", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
