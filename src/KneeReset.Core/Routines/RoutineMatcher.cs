using KneeReset.Core.Assessment;

namespace KneeReset.Core.Routines;

/// <summary>What matching needs to know about a published routine.</summary>
public sealed record RoutineCard(
    string Slug,
    string Title,
    string Phase,
    IReadOnlyList<string> Causes,
    IReadOnlyList<string> Findings,
    IReadOnlyList<string> Targets,
    bool Gentle,
    string Difficulty = "easy")
{
    public const string PostRunResetPhase = "post_run_reset";

    /// <summary>Loading work: strength or eccentric exercise, never offered before a clinician has assessed.</summary>
    public bool Loads => Targets.Contains("strength") || Targets.Contains("eccentric");
}

public sealed record MatchedRoutine(RoutineCard Routine, IReadOnlyList<string> Reasons);

/// <summary>
/// Ranks routines for an assessment result. Red flags win: urgent results get none and
/// clinician-first results only gentle range-of-motion work. Self-care results get the
/// routines that address their likely causes and specific findings, plus the daily reset.
/// </summary>
public static class RoutineMatcher
{
    public const int MaxRoutines = 4;

    public static IReadOnlyList<MatchedRoutine> Match(
        AssessmentResult result,
        IEnumerable<RoutineCard> routines,
        Func<string, string> causeName)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(causeName);
        var library = routines.ToList();
        return result.Triage switch
        {
            Triage.Urgent => [],
            Triage.SeeClinician => library
                .Where(r => r.Gentle && !r.Loads)
                .Select(r => new MatchedRoutine(r, ["Gentle movement to keep the knee comfortable while you wait to be seen. Stop if it hurts more."]))
                .ToList(),
            _ => MatchSelfCare(result, library.Where(r => !r.Gentle), causeName),
        };
    }

    private static List<MatchedRoutine> MatchSelfCare(
        AssessmentResult result, IEnumerable<RoutineCard> routines, Func<string, string> causeName)
    {
        var candidates = routines
            .Select((routine, order) =>
            {
                var reasons = new List<string>();
                double score = 0;
                // A routine written for one or two causes fits them better than a general one for all four.
                var focus = routine.Causes.Count <= 2 ? 1.0 : 0.6;
                foreach (var cause in result.Causes.Where(c => c.Band != Band.Unlikely && routine.Causes.Contains(c.Cause)))
                {
                    var top = cause.Cause == result.TopCause;
                    score += ((cause.Band == Band.Likely ? 3 : 1.5) + (top ? 2 : 0)) * focus;
                    reasons.Add($"Works on {causeName(cause.Cause).ToLowerInvariant()}, which your answers point to{(top ? " most" : "")}.");
                }
                // Findings only refine the choice among routines for the causes in play; a routine
                // chosen for a finding alone comes after every cause match.
                // A loading routine needs a cause in play: a finding alone (a load spike with mild,
                // diffuse soreness, say) never earns strength or eccentric work.
                if (score > 0 || !routine.Loads)
                {
                    foreach (var finding in result.Findings.Where(f => routine.Findings.Contains(f.Id)))
                    {
                        score += 1;
                        reasons.Add(finding.Text);
                    }
                }
                return (routine, score, reasons, order);
            })
            .Where(c => c.score > 0 && c.routine.Phase != RoutineCard.PostRunResetPhase)
            .OrderByDescending(c => c.score)
            .ThenBy(c => DifficultyRank(c.routine.Difficulty)) // the gentler start first
            .ThenBy(c => c.order)
            .Take(MaxRoutines - 1)
            .Select(c => new MatchedRoutine(c.routine, c.reasons))
            .ToList();

        // The post-run reset suits every self-care runner: mild, short-lived soreness included.
        var reset = routines.FirstOrDefault(r => r.Phase == RoutineCard.PostRunResetPhase);
        if (reset is not null)
        {
            candidates.Add(new MatchedRoutine(reset, ["Five minutes after every run to ease tightness and keep the knee moving well."]));
        }
        return candidates;
    }

    private static int DifficultyRank(string difficulty) => difficulty switch
    {
        "easy" => 0,
        "moderate" => 1,
        _ => 2,
    };
}
