using KneeReset.Core.Recovery;
using KneeReset.Core.ReturnToRun;
using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.ReturnToRun;

/// <summary>The return-to-running ladder: each rule of content/return-to-run.json, with dates.</summary>
public class LadderMonitorTests
{
    internal static readonly PainModel Pain = ContentJson.ReadPainModel(TestContent.Dir, TestContent.Rules.RuleSet);
    internal static LadderMonitor Monitor { get; } = new(ContentJson.ReadRunLadder(TestContent.Dir, TestContent.Rules.RuleSet, Pain), Pain, TestContent.Rules.RuleSet);
    /// <summary>Monday 30 November 2026: day 0 of every test.</summary>
    internal static readonly DateOnly Monday = new(2026, 11, 30);

    /// <summary>Every entry self-test passed, pain-free, two days before day 0.</summary>
    internal static readonly LoggedSelfTest[] Passed = [.. Monitor.Ladder.Entry.SelfTests.Select(t => new LoggedSelfTest(t.Id, Monday.AddDays(-2), Passed: true, Pain: 0))];

    private static int counter;

    internal static LoggedRun Run(int day, int stage, int during = 1, int? morning = 1, bool completed = true, bool? swelling = null, int? usual = 1) =>
        new($"r{Interlocked.Increment(ref counter)}", Monday.AddDays(day), stage, during, morning, completed, swelling, usual);

    private static LadderAdvice Assess(params LoggedRun[] runs) =>
        Monitor.Assess(runs, Passed, runs.Length == 0 ? Monday : runs.Max(r => r.On).AddDays(1));

    private static TimeFrame FrameOf(string rule) => TestContent.Rules.RuleSet.Triage.Single(t => t.Id == rule).TimeFrame;

    [Fact]
    public void Without_the_self_tests_the_ladder_is_not_open_and_says_which_are_missing()
    {
        var squat = Monitor.Ladder.Entry.SelfTests.Single(t => t.Id == "single_leg_squat_10");
        var advice = Monitor.Assess([], [.. Passed.Where(p => p.Test != squat.Id)], Monday);

        Assert.Equal(LadderAction.NotReady, advice.Action);
        Assert.Null(advice.Stage);
        Assert.Equal($"{squat.Name}: not done yet", Assert.Single(advice.Missing));
    }

    [Fact]
    public void A_failed_or_painful_self_test_keeps_the_ladder_closed_until_a_later_one_passes()
    {
        var failed = Passed.Select(p => p.Test == "single_leg_hop_10" ? p with { Passed = false, On = Monday.AddDays(-1) } : p).ToArray();
        var painful = Passed.Select(p => p.Test == "single_leg_hop_10" ? p with { Pain = 3, On = Monday.AddDays(-1) } : p).ToArray();

        Assert.Contains("did not pass on 29 November", Assert.Single(Monitor.Assess([], failed, Monday).Missing), StringComparison.Ordinal);
        Assert.Contains("pain of 3/10 on 29 November, more than 2/10", Assert.Single(Monitor.Assess([], painful, Monday).Missing), StringComparison.Ordinal);
        Assert.Equal(LadderAction.Start, Monitor.Assess([], [.. failed, new("single_leg_hop_10", Monday, true, 1)], Monday).Action);
    }

    [Fact]
    public void A_self_test_more_than_14_days_before_the_first_run_no_longer_counts()
    {
        var old = Passed.Select(p => p with { On = Monday.AddDays(-15) }).ToArray();

        Assert.Equal(LadderAction.NotReady, Monitor.Assess([], old, Monday).Action);
        Assert.Equal(LadderAction.Start, Monitor.Assess([], old, Monday.AddDays(-1)).Action);
        // Once the ladder has started, the tests are judged as of the first run, not today.
        Assert.NotEqual(LadderAction.NotReady, Monitor.Assess([Run(0, 1)], Passed, Monday.AddDays(60)).Action);
    }

    [Fact]
    public void With_the_self_tests_passed_and_no_run_yet_start_stage_1()
    {
        var advice = Assess();

        Assert.Equal(LadderAction.Start, advice.Action);
        Assert.Equal(1, advice.Stage);
        Assert.Contains("1 minute running, 4 minutes walking, 6 times (30 minutes)", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_counting_run_is_not_enough_repeat_the_stage_after_a_rest_day()
    {
        var advice = Assess(Run(0, 1));

        Assert.Equal(LadderAction.Repeat, advice.Action);
        Assert.Equal(1, advice.Stage);
        Assert.Contains("counts: 1 of 2 at stage 1", advice.Reason, StringComparison.Ordinal);
        Assert.Contains("from 2 December", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_counting_runs_on_non_consecutive_days_open_the_next_stage()
    {
        var advice = Assess(Run(0, 1), Run(2, 1, during: 2));

        Assert.Equal(LadderAction.MoveUp, advice.Action);
        Assert.Equal(2, advice.Stage);
        Assert.Contains("Stage 1 counted on 30 November and 2 December (pain during 1/10, then 2/10", advice.Reason, StringComparison.Ordinal);
        Assert.Contains("Move up to stage 2 next time, from 4 December: 2 minutes running, 3 minutes walking", advice.Reason, StringComparison.Ordinal);
        Assert.Equal([2, 0, 0, 0, 0, 0, 0], advice.Stages.Select(s => s.Completions).ToArray());
    }

    [Fact]
    public void A_run_the_day_after_another_is_flagged_and_does_not_count()
    {
        var advice = Assess(Run(0, 1), Run(1, 1));

        Assert.Equal(LadderAction.Repeat, advice.Action);
        Assert.True(advice.Runs[^1].RestDayMissed);
        Assert.Contains("rest a day between runs", advice.Reason, StringComparison.Ordinal);
        // The next non-consecutive counting run is the second: the stage opens then.
        Assert.Equal(LadderAction.MoveUp, Assess(Run(0, 1), Run(1, 1), Run(3, 1)).Action);
    }

    [Fact]
    public void Acceptable_pain_during_a_run_repeats_the_stage_without_counting()
    {
        var advice = Assess(Run(0, 1), Run(2, 1, during: 4));

        Assert.Equal(LadderAction.Repeat, advice.Action);
        Assert.Contains("4/10 during the run on 2 December is acceptable but more than 2/10", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_stopped_early_does_not_count()
    {
        Assert.Equal(LadderAction.Repeat, Assess(Run(0, 1), Run(2, 1, completed: false)).Action);
    }

    [Fact]
    public void A_run_counts_only_once_its_next_morning_is_known()
    {
        var advice = Assess(Run(0, 1), Run(2, 1, morning: null));

        Assert.Equal(LadderAction.Repeat, advice.Action);
        Assert.Contains("Give the next morning's pain", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_open_stage_counts()
    {
        var advice = Assess(Run(0, 1), Run(2, 3));

        Assert.Equal(LadderAction.Repeat, advice.Action);
        Assert.Contains("was stage 3 while stage 1 is open", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pain_over_5_during_a_run_steps_back_a_stage()
    {
        var advice = Assess(Run(0, 1), Run(2, 1), Run(4, 2, during: 6));

        Assert.Equal(LadderAction.StepBack, advice.Action);
        Assert.Equal(1, advice.Stage);
        Assert.Contains("6/10 during the run on 4 December is more than the knee should take (over 5)", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsettled_morning_or_swelling_steps_back_and_stage_1_stays_at_1()
    {
        var morning = Assess(Run(0, 1, morning: 3, usual: 1));
        var noUsual = Assess(Run(0, 1, morning: 3, usual: null));
        var swelling = Assess(Run(0, 1, swelling: true));

        Assert.Equal((LadderAction.StepBack, 1), (morning.Action, morning.Stage));
        Assert.Contains("above your usual 1/10", morning.Reason, StringComparison.Ordinal);
        Assert.Contains("above 2/10 (give your usual pain", noUsual.Reason, StringComparison.Ordinal);
        Assert.Equal((LadderAction.StepBack, 1), (swelling.Action, swelling.Stage));
        Assert.Equal(LadderAction.Repeat, Assess(Run(0, 1, morning: 2, usual: null)).Action);
    }

    [Fact]
    public void A_step_back_clears_the_counting_runs_of_the_stage()
    {
        // Counted on day 0, too much on day 2, counted on day 4: one count so far, not two.
        Assert.Equal(LadderAction.Repeat, Assess(Run(0, 1), Run(2, 1, during: 6), Run(4, 1)).Action);
    }

    [Fact]
    public void Pain_of_7_or_more_during_a_run_says_see_a_clinician_as_soon_as_the_pain_model_does()
    {
        var advice = Assess(Run(0, 1), Run(2, 1, during: 7));
        var session = Pain.Escalations.Single(e => e.Id == "severe_session");

        Assert.Equal(LadderAction.SeeClinician, advice.Action);
        Assert.Equal("severe_run", advice.Escalation!.Rule);
        Assert.Equal(FrameOf(session.Rule), advice.Escalation.TimeFrame);
        Assert.Contains("Pain of 7/10 during the run on 2 December", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_step_backs_in_a_row_say_see_a_clinician()
    {
        var advice = Assess(Run(0, 1), Run(2, 1, during: 6), Run(4, 1, during: 6));

        Assert.Equal(LadderAction.SeeClinician, advice.Action);
        Assert.Equal("run_step_backs_in_a_row", advice.Escalation!.Rule);
        Assert.Equal(FrameOf("persists_or_limping"), advice.Escalation.TimeFrame);
        Assert.Contains("after 2 December and 4 December", advice.Reason, StringComparison.Ordinal);
        // A run between that isn't a step back breaks the row.
        Assert.Equal(LadderAction.StepBack, Assess(Run(0, 1, during: 6), Run(2, 1, during: 4), Run(4, 1, during: 6)).Action);
    }

    [Fact]
    public void Swelling_after_two_runs_says_see_a_clinician()
    {
        var advice = Assess(Run(0, 1, swelling: true), Run(2, 1), Run(4, 1, swelling: true));

        Assert.Equal(LadderAction.SeeClinician, advice.Action);
        Assert.Equal("swelling_after_runs", advice.Escalation!.Rule);
        Assert.Equal(FrameOf("knee_swelling"), advice.Escalation.TimeFrame);
    }

    [Fact]
    public void See_a_clinician_stays_until_a_fresh_start()
    {
        var runs = new[] { Run(0, 1, during: 8), Run(3, 1), Run(5, 1) };

        Assert.Equal(LadderAction.SeeClinician, Assess(runs).Action);
        Assert.Equal(LadderAction.MoveUp, Monitor.Assess(runs, Passed, Monday.AddDays(6), freshStart: Monday.AddDays(1)).Action);
    }

    [Fact]
    public void Twice_at_30_minutes_continuous_completes_the_ladder()
    {
        var runs = Enumerable.Range(0, 14).Select(i => Run(i * 2, stage: i / 2 + 1)).ToArray();
        var advice = Assess(runs);

        Assert.Equal(LadderAction.Complete, advice.Action);
        Assert.Equal(Monitor.Ladder.TopStage.Stage, advice.Stage);
        Assert.Equal("30 minutes running without a break", LadderMonitor.Describe(Monitor.Ladder.TopStage));
    }
}
