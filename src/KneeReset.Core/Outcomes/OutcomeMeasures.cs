namespace KneeReset.Core.Outcomes;

/// <summary>
/// The weekly check-in's questions and change thresholds, from content/outcome-measures.json:
/// worst knee pain this week and the Patient-Specific Functional Scale, each with its why and source.
/// </summary>
public sealed class OutcomeMeasures
{
    public required string Version { get; init; }
    public required WorstPainMeasure WorstPain { get; init; }
    public required PsfsMeasure Psfs { get; init; }
    public required WeekRule Weeks { get; init; }

    /// <summary>Why the measures can't be used: thresholds or limits that make no sense.</summary>
    public IEnumerable<string> Problems()
    {
        if (WorstPain.MeaningfulChange is <= 0 or > 10 || Psfs.MeaningfulChange is <= 0 or > 10)
        {
            yield return "a meaningful change must be above 0 and at most 10 points";
        }
        if (Psfs.MaxActivities < 1 || Psfs.NameMaxLength < 10)
        {
            yield return "the PSFS needs at least one activity and names of at least 10 characters";
        }
    }
}

public sealed class WorstPainMeasure
{
    public required string Question { get; init; }
    public required string Hint { get; init; }
    /// <summary>The smallest change in points, first week to latest, the trend names as a change.</summary>
    public required double MeaningfulChange { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class PsfsMeasure
{
    public required string Name { get; init; }
    public required string Question { get; init; }
    public required string Hint { get; init; }
    public required string Examples { get; init; }
    public required int MaxActivities { get; init; }
    public required int NameMaxLength { get; init; }
    /// <summary>The smallest change of the mean score the trend names as a change (the scale's detectable change).</summary>
    public required double MeaningfulChange { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class WeekRule
{
    public required string Rule { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}
