using KneeReset.Core.Questionnaire;

namespace KneeReset.Core.Rules;

/// <summary>Training-load figures derived from the answers: the "why now" behind overuse pain.</summary>
/// <param name="WeeklyFromNothing">Running now after no running a month ago: a rise no percentage can express, and the largest of all.</param>
/// <param name="LongestRunFromNothing">A long run now after no run at all in the month before.</param>
public sealed record TrainingLoad(
    double? WeeklyKmNow,
    double? WeeklyKmMonthAgo,
    double? WeeklyIncreasePercent,
    double? LongestRunKm,
    double? LongestRunBeforeKm,
    double? LongestRunIncreasePercent,
    double? ShoeKm,
    bool WeeklyFromNothing = false,
    bool LongestRunFromNothing = false)
{
    public static TrainingLoad From(Answers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var now = answers.Number("weekly_km_now");
        var before = answers.Number("weekly_km_month_ago");
        var longest = answers.Number("longest_run_km_recent");
        var longestBefore = answers.Number("longest_run_km_month_before");
        return new TrainingLoad(now, before, PercentIncrease(now, before), longest, longestBefore,
            PercentIncrease(longest, longestBefore), answers.Number("shoe_km"),
            FromNothing(now, before), FromNothing(longest, longestBefore));
    }

    /// <summary>Increase of <paramref name="now"/> over <paramref name="before"/> in percent; unknown when either is unknown or the base is zero.</summary>
    private static double? PercentIncrease(double? now, double? before) =>
        now is { } n && before is > 0 ? Math.Round((n - before.Value) / before.Value * 100, 1) : null;

    private static bool FromNothing(double? now, double? before) => now is > 0 && before is 0;
}
