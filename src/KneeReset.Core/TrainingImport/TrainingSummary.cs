using System.Text.Json.Serialization;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// What an import found, shaped as the API answers it:
/// <c>{runs, from, to, weeklyKm, answers, spikes}</c>, plus the day the figures look back from and
/// what was left out. Distances in km to one decimal.
/// </summary>
public sealed record TrainingSummary(
    int Runs,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<WeekKm> WeeklyKm,
    TrainingAnswers? Answers,
    IReadOnlyList<Spike> Spikes)
{
    /// <summary>The day the answers look back from; null when there are no runs and none was given.</summary>
    public DateOnly? AsOf { get; init; }

    public IgnoredActivities Ignored { get; init; } = IgnoredActivities.None;

    /// <summary>How far back from <see cref="AsOf"/> a spike still explains pain now: four weeks.</summary>
    public const int RecentSpikeDays = 28;

    /// <summary>
    /// The spike a result cites: of the spikes in the <see cref="RecentSpikeDays"/> days ending on
    /// <see cref="AsOf"/>, a first run after 30 days without one (the largest spike there is),
    /// else the largest increase; the later one between equals. Null when there is none.
    /// </summary>
    public Spike? RecentSpike() =>
        AsOf is not { } asOf ? null
        : Spikes.Where(s => s.Date <= asOf && s.Date > asOf.AddDays(-RecentSpikeDays))
            .OrderByDescending(s => s.IncreasePercent is null)
            .ThenByDescending(s => s.IncreasePercent)
            .ThenByDescending(s => s.Date)
            .FirstOrDefault();
}

/// <summary>Distance in the week (Monday to Sunday) starting on <paramref name="WeekStart"/>.</summary>
public sealed record WeekKm(DateOnly WeekStart, double Km);

/// <summary>The training answers of the questionnaire, named by their vocabulary ids.</summary>
public sealed record TrainingAnswers(
    [property: JsonPropertyName("weekly_km_now")] double WeeklyKmNow,
    [property: JsonPropertyName("weekly_km_month_ago")] double WeeklyKmMonthAgo,
    [property: JsonPropertyName("longest_run_km_recent")] double LongestRunKmRecent,
    [property: JsonPropertyName("longest_run_km_month_before")] double LongestRunKmMonthBefore);

/// <summary>
/// A run more than 10 % longer than the longest of the 30 days before it.
/// <paramref name="IncreasePercent"/> is null when there was no run at all in those 30 days
/// (then <paramref name="PreviousLongestKm"/> is 0 and the band is <see cref="SpikeBands.Over100"/>).
/// </summary>
public sealed record Spike(DateOnly Date, double Km, double PreviousLongestKm, double? IncreasePercent, string Band);

/// <summary>The bands of Frandsen et al. 2025 (BJSM), whose injury risk differs.</summary>
public static class SpikeBands
{
    /// <summary>More than 10 % and at most 30 % longer.</summary>
    public const string From10To30 = "10_30";

    /// <summary>More than 30 % and at most 100 % longer.</summary>
    public const string From30To100 = "30_100";

    /// <summary>More than twice as long, or the first run after 30 days without one.</summary>
    public const string Over100 = "over_100";
}
