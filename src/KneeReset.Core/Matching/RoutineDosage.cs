namespace KneeReset.Core.Matching;

/// <summary>The dosage of one routine step, as the duration and targets are computed from it.</summary>
public sealed record StepDosage(int Sets, int? Reps, int? HoldSeconds, int RestSeconds, bool PerSide, string? Tempo, string ExerciseKind, IReadOnlyList<string> BodyAreas);

/// <summary>Routine figures derived from the steps, never typed in.</summary>
public static class RoutineDosage
{
    /// <summary>Seconds per repetition: about 3 s, or 5 s with a slow tempo such as a 3-4 s lowering.</summary>
    public const int SecondsPerRep = 3;
    public const int SecondsPerSlowRep = 5;
    /// <summary>Time to change legs within a set of a one-sided exercise.</summary>
    public const int SideSwitchSeconds = 5;
    /// <summary>The player's "get ready" before each exercise (wwwroot/js/player.js, GET_READY): part of the time a routine takes.</summary>
    public const int GetReadySeconds = 5;

    /// <summary>How long one repetition takes at the step's tempo (the player paces reps with it too).</summary>
    public static int SecondsPerRepAt(string? tempo) => string.IsNullOrWhiteSpace(tempo) ? SecondsPerRep : SecondsPerSlowRep;

    /// <summary>As the player runs it: a get-ready before each exercise, every set (each side in turn), a rest between sets but not after the last one.</summary>
    public static int DurationSeconds(IEnumerable<StepDosage> steps) =>
        steps.Sum(s =>
        {
            var work = s.HoldSeconds ?? (s.Reps ?? 0) * SecondsPerRepAt(s.Tempo);
            var sets = Math.Max(1, s.Sets);
            var sides = s.PerSide ? 2 : 1;
            return GetReadySeconds + (sets * sides * work) + ((sets - 1) * s.RestSeconds) + (sets * (sides - 1) * SideSwitchSeconds);
        });

    /// <summary>Body areas worked by more than half of the steps: what the routine is mainly for.</summary>
    public static IReadOnlyList<string> Focus(IEnumerable<StepDosage> steps)
    {
        var list = steps.ToList();
        return list.SelectMany(s => s.BodyAreas.Distinct()).GroupBy(a => a)
            .Where(g => g.Count() * 2 > list.Count)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Body areas and exercise kinds the routine works, in the vocabulary's words; a post-run reset also targets "reset".</summary>
    public static IReadOnlyList<string> Targets(string phase, IEnumerable<StepDosage> steps)
    {
        var list = steps.ToList();
        var areas = list.SelectMany(s => s.BodyAreas).Distinct().Order(StringComparer.Ordinal);
        var kinds = list.Select(s => s.ExerciseKind).Distinct().Order(StringComparer.Ordinal);
        var targets = areas.Concat(kinds).ToList();
        if (phase == RoutineCard.PostRunResetPhase)
        {
            targets.Add("reset");
        }
        return targets;
    }
}
