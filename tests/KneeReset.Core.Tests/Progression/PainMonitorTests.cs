using KneeReset.Core.Progression;

namespace KneeReset.Core.Tests.Progression;

public class PainMonitorTests
{
    private static (PainAdvice Advice, string Reason) Advise(params SessionPain[] sessions) => PainMonitor.Advise(sessions);

    [Theory]
    [InlineData(1, 1, 1, PainAdvice.Progress)]
    [InlineData(0, 0, null, PainAdvice.Progress)]
    [InlineData(2, null, 0, PainAdvice.Hold)]
    [InlineData(4, 2, 2, PainAdvice.Hold)]
    [InlineData(5, 5, 5, PainAdvice.Hold)]
    [InlineData(6, null, 0, PainAdvice.StepBack)]
    [InlineData(2, 4, 2, PainAdvice.StepBack)]
    public void Pain_during_and_the_next_morning_against_the_usual_level_decide_the_next_step(int during, int? morning, int? usual, PainAdvice expected)
    {
        var (advice, reason) = Advise(new SessionPain(during, morning, usual));

        Assert.Equal(expected, advice);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Pain_that_has_not_settled_to_its_usual_level_by_the_morning_is_a_step_back()
    {
        // 5 during and 5 the next morning for a knee that usually sits at 1: it has not settled.
        var (advice, reason) = Advise(new SessionPain(5, 5, 1));

        Assert.Equal(PainAdvice.StepBack, advice);
        Assert.Contains("usual 1/10", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_usual_level_high_morning_pain_is_not_taken_as_settled()
    {
        Assert.Equal(PainAdvice.StepBack, Advise(new SessionPain(5, 5, null)).Advice);
    }

    [Fact]
    public void Pain_that_rose_overnight_never_reads_as_settled()
    {
        // 1 during and 2 the next morning: worse, not settled, so no progress and no claim that it settled.
        var (advice, reason) = Advise(new SessionPain(1, 2, null));

        Assert.NotEqual(PainAdvice.Progress, advice);
        Assert.DoesNotContain("settled by", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pain_back_to_the_usual_level_allows_progress_even_when_the_usual_level_is_not_zero()
    {
        Assert.Equal(PainAdvice.Progress, Advise(new SessionPain(1, 2, 2)).Advice);
    }

    [Fact]
    public void Pain_building_from_session_to_session_is_a_step_back_even_within_the_acceptable_range()
    {
        var (advice, reason) = Advise(new SessionPain(1, 1, 1), new SessionPain(2, 1, 1), new SessionPain(4, 1, 1));

        Assert.Equal(PainAdvice.StepBack, advice);
        Assert.Contains("1/10, then 2/10, then 4/10", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_pain_creeping_up_holds_rather_than_progresses()
    {
        Assert.Equal(PainAdvice.Hold, Advise(new SessionPain(0, 0, 0), new SessionPain(1, 0, 0), new SessionPain(2, 0, 0)).Advice);
    }

    [Fact]
    public void Morning_pain_rising_from_session_to_session_holds_even_when_each_morning_is_settled()
    {
        Assert.Equal(PainAdvice.Hold, Advise(new SessionPain(1, 0, 2), new SessionPain(1, 1, 2), new SessionPain(1, 2, 2)).Advice);
    }

    [Fact]
    public void One_good_session_after_a_hard_one_holds_before_progressing()
    {
        Assert.Equal(PainAdvice.Hold, Advise(new SessionPain(4, 2, 2), new SessionPain(1, 1, 1)).Advice);
    }

    [Fact]
    public void Steady_low_pain_over_the_last_sessions_progresses_and_says_so()
    {
        var (advice, reason) = Advise(new SessionPain(6, 3, 1), new SessionPain(2, 1, 1), new SessionPain(1, 1, 1), new SessionPain(1, 0, 1));

        // Only the last three count: the painful first session has dropped out of the window.
        Assert.Equal(PainAdvice.Progress, advice);
        Assert.Contains("last 3 sessions", reason, StringComparison.Ordinal);
    }
}
