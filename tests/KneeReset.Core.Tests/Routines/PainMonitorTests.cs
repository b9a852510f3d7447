using KneeReset.Core.Routines;

namespace KneeReset.Core.Tests.Routines;

public class PainMonitorTests
{
    [Theory]
    [InlineData(1, 1, PainAdvice.Progress)]
    [InlineData(2, null, PainAdvice.Hold)]
    [InlineData(4, 2, PainAdvice.Hold)]
    [InlineData(5, 5, PainAdvice.Hold)]
    [InlineData(6, null, PainAdvice.StepBack)]
    [InlineData(2, 4, PainAdvice.StepBack)]
    public void Pain_during_and_the_next_morning_decide_the_next_step(int during, int? morning, PainAdvice expected)
    {
        var (advice, reason) = PainMonitor.Advise(during, morning);

        Assert.Equal(expected, advice);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }
}
