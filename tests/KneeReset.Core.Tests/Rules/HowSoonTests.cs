using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

/// <summary>How soon a clinician should see the knee: each rule names its time frame, and the result takes the most urgent.</summary>
public class HowSoonTests
{
    private static AssessmentResult Evaluate(string json) => TestContent.Evaluate(json);

    [Fact]
    public void Self_care_has_no_time_frame()
    {
        var result = Evaluate(TestContent.MildKneecap());

        Assert.Equal(Triage.SelfCare, result.Triage);
        Assert.Null(result.TimeFrame);
        Assert.Null(result.HowSoon);
    }

    [Fact]
    public void Every_urgent_rule_is_today_and_every_time_frame_has_plain_words()
    {
        var rules = TestContent.Rules.RuleSet;

        Assert.All(rules.Triage, rule => Assert.Null(TimeFrames.Misfit(rule)));
        Assert.All(Enum.GetValues<TimeFrame>(), frame => Assert.False(string.IsNullOrWhiteSpace(rules.Words(frame))));
        Assert.Contains("urgent care centre or emergency department", rules.Words(TimeFrame.Today), StringComparison.Ordinal);
        Assert.Contains("this week", rules.Words(TimeFrame.WithinTwoWeeks), StringComparison.Ordinal);
    }

    [Fact]
    public void An_urgent_rule_with_a_slower_time_frame_is_refused_when_the_rules_are_read()
    {
        var dir = Directory.CreateTempSubdirectory("rules-");
        try
        {
            var json = File.ReadAllText(Path.Combine(TestContent.Dir, "rules.json"))
                .Replace("\"id\": \"calf_pain\", \"level\": \"urgent\", \"timeFrame\": \"today\"", "\"id\": \"calf_pain\", \"level\": \"urgent\", \"timeFrame\": \"within_two_weeks\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir.FullName, "rules.json"), json);

            var error = Assert.Throws<InvalidDataException>(() => ContentJson.ReadRuleSet(dir.FullName));
            Assert.Contains("calf_pain", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_result_takes_the_most_urgent_time_frame_of_the_rules_that_held()
    {
        // Pain for four months asks for a week or two; severe pain asks for 48 hours.
        var json = TestContent.MildKneecap().Replace("\"worst_pain\": 4, \"duration_weeks\": 4", "\"worst_pain\": 9, \"duration_weeks\": 20", StringComparison.Ordinal);

        var result = Evaluate(json);

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Equal(TimeFrame.WithinTwoDays, result.TimeFrame);
        Assert.Equal("severe_pain", result.TriageReasons[0].Rule);
        Assert.Contains(result.TriageReasons, r => r.Rule == "long_lasting" && r.TimeFrame == TimeFrame.WithinTwoWeeks);
    }

    [Theory]
    [InlineData("\"locking\"", TimeFrame.WithinTwoWeeks)]
    [InlineData("\"persists_despite_rest\"", TimeFrame.WithinTwoWeeks)]
    [InlineData("\"numbness_tingling\"", TimeFrame.WithinTwoWeeks)]
    [InlineData("\"cannot_bend_90\"", TimeFrame.WithinTwoDays)]
    [InlineData("\"calf_pain_swelling\"", TimeFrame.Today)]
    public void Each_red_flag_is_seen_as_soon_as_its_rule_asks(string flag, TimeFrame expected)
    {
        Assert.Equal(expected, Evaluate(TestContent.MildKneecap(flags: flag)).TimeFrame);
    }
}
