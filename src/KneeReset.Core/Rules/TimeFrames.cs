namespace KneeReset.Core.Rules;

/// <summary>The time frames' rules: which fits which level, and what results stored before them said.</summary>
public static class TimeFrames
{
    /// <summary>
    /// What a result stored before rules carried time frames told the runner: urgent was today,
    /// everything below it "in the next week or two".
    /// </summary>
    public static TimeFrame? Before(Triage level) => level switch
    {
        Triage.Urgent => TimeFrame.Today,
        Triage.SeeClinician => TimeFrame.WithinTwoWeeks,
        _ => null,
    };

    /// <summary>
    /// Why a rule's time frame doesn't fit its level, or null when it does: urgent is always today
    /// (an urgent result offers no exercise at all), and self-care has no rules.
    /// </summary>
    public static string? Misfit(TriageRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Level switch
        {
            Triage.Urgent when rule.TimeFrame != TimeFrame.Today => $"triage rule {rule.Id} is urgent, so its time frame must be today",
            Triage.SelfCare => $"triage rule {rule.Id} is self-care; a rule sends a runner to a clinician",
            _ => null,
        };
    }
}
