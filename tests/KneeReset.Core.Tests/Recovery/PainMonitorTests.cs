using KneeReset.Core.Recovery;

namespace KneeReset.Core.Tests.Recovery;

/// <summary>The pain-monitoring model in time: each rule of content/pain-model.json, with dates.</summary>
public class PainMonitorTests
{
    internal static PainMonitor Monitor { get; } = new(ContentJson.ReadPainModel(TestContent.Dir, TestContent.Rules.RuleSet), TestContent.Rules.RuleSet);
    internal static readonly DateOnly Monday = new(2026, 11, 30);

    private static int counter;

    internal static LoggedSession Session(int day, int during, int? morning = null, int? usual = null, bool tendon = false, string routine = "hip-and-glute-strength") =>
        new($"s{Interlocked.Increment(ref counter)}", routine, tendon, Monday.AddDays(day), during, morning, usual);

    private static RecoveryState Assess(params LoggedSession[] sessions) => Monitor.Assess(sessions, sessions.Max(s => s.On).AddDays(1));

    private static Advice Advise(params LoggedSession[] sessions) => Assert.Single(Assess(sessions).Routines).Advice;

    [Fact]
    public void One_comfortable_session_is_not_enough_to_progress()
    {
        var advice = Advise(Session(0, during: 1, morning: 1, usual: 1));

        Assert.Equal(PainAction.Hold, advice.Action);
        Assert.Contains("at least 7 days later (from 7 December)", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_comfortable_sessions_a_week_apart_with_nothing_worse_between_allow_progress()
    {
        var advice = Advise(Session(0, 1, 1, 1), Session(3, 2, 1, 1), Session(7, 1, 1, 1));

        Assert.Equal(PainAction.Progress, advice.Action);
        Assert.Contains("Comfortable from 30 November to 7 December", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Comfortable_sessions_less_than_a_week_apart_hold()
    {
        Assert.Equal(PainAction.Hold, Advise(Session(0, 1, 1, 1), Session(2, 1, 1, 1), Session(6, 1, 1, 1)).Action);
    }

    [Fact]
    public void A_worse_session_in_between_restarts_the_week()
    {
        // 4/10 on day 3 is acceptable but not comfortable for a hip routine: the week counts from day 5.
        var advice = Advise(Session(0, 1, 1, 1), Session(3, 4, 1, 1), Session(5, 1, 1, 1), Session(8, 1, 1, 1));

        Assert.Equal(PainAction.Hold, advice.Action);
        Assert.Contains("until 12 December", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tendon_routine_may_progress_with_pain_up_to_5_that_settles_by_the_morning()
    {
        var tendon = Advise(Session(0, 4, 1, 1, tendon: true), Session(7, 4, 1, 1, tendon: true));
        var other = Advise(Session(0, 4, 1, 1), Session(7, 4, 1, 1));

        Assert.Equal(PainAction.Progress, tendon.Action);
        Assert.Equal(PainAction.Hold, other.Action);
    }

    [Fact]
    public void A_usual_pain_rising_2_above_the_first_stops_progress()
    {
        // 1 -> 4 -> 4: each session comfortable against its own usual level, but the knee is worse day to day.
        var advice = Advise(Session(0, 1, 1, usual: 1), Session(4, 4, 4, usual: 4), Session(8, 4, 4, usual: 4));

        Assert.NotEqual(PainAction.Progress, advice.Action);
        Assert.Contains("from 1/10 at your first session to 4/10", advice.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Assess(Session(0, 1, 1, usual: 1), Session(4, 4, 4, usual: 4)).BaselinePain);
    }

    [Fact]
    public void Next_morning_pain_building_is_named_as_next_morning_pain_with_its_own_values()
    {
        var advice = Advise(Session(0, 2, 1, 5), Session(2, 2, 3, 5), Session(4, 2, 5, 5));

        Assert.Equal(PainAction.StepBack, advice.Action);
        Assert.Contains("Next-morning pain went 1/10, then 3/10, then 5/10", advice.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("during", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mornings_are_only_claimed_when_they_were_logged()
    {
        var advice = Advise(Session(0, 1), Session(3, 1), Session(7, 1));

        Assert.Equal(PainAction.Hold, advice.Action);
        Assert.DoesNotContain("back to your usual", advice.Reason, StringComparison.Ordinal);
        // Assessed the day after the last session, its morning is this morning.
        Assert.Contains("Give this morning's pain", advice.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Give tomorrow morning's pain")]
    [InlineData(1, "Give this morning's pain")]
    [InlineData(3, "Give the pain on the morning after 30 November")]
    [InlineData(5, "The morning after 30 November is too long ago to give")]
    public void The_morning_asked_for_follows_the_day_the_session_was_done(int daysLater, string asked)
    {
        var state = Monitor.Assess([Session(0, 1, usual: 1)], Monday.AddDays(daysLater));

        Assert.StartsWith("Pain stayed at 1/10 during the session on 30 November. " + asked, Assert.Single(state.Routines).Advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_usual_pain_a_morning_of_2_or_less_is_settled()
    {
        Assert.NotEqual(PainAction.StepBack, Advise(Session(0, 0, morning: 1)).Action);
        Assert.Equal(PainAction.StepBack, Advise(Session(0, 0, morning: 3)).Action);
    }

    [Fact]
    public void A_session_of_7_or_more_escalates_with_the_rules_time_frame()
    {
        var state = Assess(Session(0, 1, 1, 1), Session(2, 7));

        Assert.Equal("severe_session", state.Escalation!.Rule);
        Assert.Equal(TestContent.Rules.RuleSet.Triage.Single(t => t.Id == "severe_pain").TimeFrame, state.Escalation.TimeFrame);
        Assert.Equal(PainAction.SeeClinician, state.Advice!.Action);
        Assert.Contains("7/10 during a session on 2 December", state.Escalation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_sessions_at_7_during_and_6_the_next_morning_say_see_a_clinician_not_step_back()
    {
        var sessions = Enumerable.Range(0, 5).Select(d => Session(d * 2, 7, 6)).ToArray();

        Assert.Equal(PainAction.SeeClinician, Advise(sessions).Action);
    }

    [Fact]
    public void Two_unsettled_mornings_in_a_row_escalate()
    {
        var state = Assess(Session(0, 3, morning: 3, usual: 1), Session(2, 3, morning: 4, usual: 1));

        Assert.Equal("mornings_unsettled", state.Escalation!.Rule);
    }

    [Fact]
    public void Two_step_backs_in_a_row_escalate()
    {
        var state = Assess(Session(0, 6), Session(2, 6));

        Assert.Equal("step_backs_in_a_row", state.Escalation!.Rule);
        Assert.Contains("after 30 November and 2 December", state.Escalation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rising_usual_pain_that_lasts_a_week_escalates_and_a_shorter_one_does_not()
    {
        Assert.Null(Assess(Session(0, 1, 1, 1), Session(2, 1, 3, 3), Session(6, 1, 3, 3)).Escalation);
        Assert.Equal("baseline_rising", Assess(Session(0, 1, 1, 1), Session(2, 1, 3, 3), Session(9, 1, 3, 3)).Escalation!.Rule);
    }

    [Fact]
    public void An_escalation_holds_until_a_new_check_or_plan()
    {
        var sessions = new[] { Session(0, 8), Session(3, 1, 1, 1), Session(10, 1, 1, 1) };

        Assert.Equal(PainAction.SeeClinician, Monitor.Assess(sessions, Monday.AddDays(11)).Advice!.Action);
        Assert.Equal(PainAction.Progress, Monitor.Assess(sessions, Monday.AddDays(11), freshStart: Monday.AddDays(1)).Advice!.Action);
    }

    [Fact]
    public void The_overall_advice_is_the_most_cautious_routine()
    {
        var state = Assess(Session(0, 1, 1, 1, routine: "a"), Session(7, 1, 1, 1, routine: "a"), Session(7, 6, routine: "b"));

        Assert.Equal(PainAction.Progress, state.Routines.Single(r => r.Routine == "a").Advice.Action);
        Assert.Equal(PainAction.StepBack, state.Advice!.Action);
    }

    [Fact]
    public void Mornings_still_to_give_are_those_of_the_last_three_days()
    {
        var today = Monday.AddDays(10);
        var state = Monitor.Assess([Session(6, 1), Session(7, 1), Session(9, 1, morning: 1), Session(10, 1)], today);

        Assert.Equal([Monday.AddDays(7)], state.PendingMornings.Select(s => s.On));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-14, null)]
    [InlineData(-15, "at most 14 days back")]
    [InlineData(1, "hasn't come yet")]
    public void A_session_is_dated_today_or_up_to_14_days_back(int offset, string? problem)
    {
        var message = Monitor.DateProblem(Monday.AddDays(offset), Monday);

        if (problem is null)
        {
            Assert.Null(message);
        }
        else
        {
            Assert.Contains(problem, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_escalation_naming_no_triage_rule_is_refused_when_the_model_is_read()
    {
        var dir = Directory.CreateTempSubdirectory("pain-model-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "pain-model.json"),
                File.ReadAllText(Path.Combine(TestContent.Dir, "pain-model.json")).Replace("\"rule\": \"severe_pain\"", "\"rule\": \"no_such_rule\"", StringComparison.Ordinal));

            var e = Assert.Throws<InvalidDataException>(() => ContentJson.ReadPainModel(dir.FullName, TestContent.Rules.RuleSet));
            Assert.Contains("no_such_rule", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
