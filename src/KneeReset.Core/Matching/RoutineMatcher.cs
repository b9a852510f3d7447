using KneeReset.Core.Rules;

namespace KneeReset.Core.Matching;

/// <summary>What matching needs to know about a published routine.</summary>
/// <param name="Focus">Body areas worked by most of the steps, as opposed to every area any step touches (<paramref name="Targets"/>).</param>
/// <param name="Springy">Holds a springy exercise (hops, skips, jumps): never offered while a tendon is in play (<see cref="TendonSafety"/>).</param>
public sealed record RoutineCard(
    string Slug,
    string Title,
    string Phase,
    IReadOnlyList<string> Causes,
    IReadOnlyList<string> Findings,
    IReadOnlyList<string> Targets,
    bool Gentle,
    string Difficulty = "easy",
    IReadOnlyList<string>? Focus = null,
    bool Springy = false)
{
    public const string PostRunResetPhase = "post_run_reset";

    /// <summary>Loading work: strength or eccentric exercise, never offered before a clinician has assessed.</summary>
    public bool Loads => Targets.Contains("strength") || Targets.Contains("eccentric");

    /// <summary>Whether this routine is the kind a cause's guideline asks for: focused on the area, loading it or moving it.</summary>
    public bool Meets(CareNeed need) =>
        (Focus ?? []).Contains(need.Focus) && (need.Work == "loading" ? Loads : !Loads && (Targets.Contains("mobility") || Targets.Contains("stretch")));
}

/// <param name="NextStage">A harder routine for the same cause and phase, held back until this one feels comfortable.</param>
public sealed record MatchedRoutine(RoutineCard Routine, IReadOnlyList<string> Reasons, RoutineCard? NextStage = null);

/// <summary>
/// Ranks routines for an assessment result. Red flags win: urgent results get none and
/// clinician-first results only gentle range-of-motion work. Self-care results get the
/// combination the likely causes' guidelines ask for first, then the routines that address
/// the causes and specific findings best, one stage at a time, plus the daily reset.
/// </summary>
public static class RoutineMatcher
{
    public const int MaxRoutines = 4;

    public static IReadOnlyList<MatchedRoutine> Match(
        AssessmentResult result,
        IEnumerable<RoutineCard> routines,
        RuleSet rules,
        Func<string, string> causeName)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(causeName);
        // Springy routines are out before matching, so none is picked or named as a next stage.
        var library = TendonSafety.Keep(result, routines, r => r.Springy);
        return result.Triage switch
        {
            Triage.Urgent => [],
            Triage.SeeClinician => library
                .Where(r => r.Gentle && !r.Loads)
                .Select(r => new MatchedRoutine(r, ["Gentle movement to keep the knee comfortable while you wait to be seen. Stop if it hurts more."]))
                .ToList(),
            _ => MatchSelfCare(result, library.Where(r => !r.Gentle).ToList(), rules, causeName),
        };
    }

    private sealed record Candidate(RoutineCard Routine, double Score, List<string> Reasons, int Order)
    {
        public RoutineCard? NextStage { get; set; }
    }

    private static List<MatchedRoutine> MatchSelfCare(
        AssessmentResult result, IReadOnlyList<RoutineCard> routines, RuleSet rules, Func<string, string> causeName)
    {
        var inPlay = result.Causes.Where(c => c.Band != Band.Unlikely).ToList();
        var candidates = OneStageAtATime(Score(result, inPlay, routines, causeName), inPlay.Select(c => c.Cause).ToHashSet());

        var picks = new List<Candidate>();
        // The guideline's combination comes first: the top cause's, then other likely causes'.
        var guided = inPlay.Where(c => c.Cause == result.TopCause).Concat(inPlay.Where(c => c.Band == Band.Likely && c.Cause != result.TopCause));
        foreach (var need in guided.SelectMany(c => rules.Causes.First(r => r.Id == c.Cause).Care.Select(need => (c.Cause, need))))
        {
            if (picks.Count >= MaxRoutines - 1 || picks.Any(p => p.Routine.Meets(need.need)))
            {
                continue;
            }
            var pick = candidates.FirstOrDefault(c => !picks.Contains(c) && c.Routine.Causes.Contains(need.Cause) && c.Routine.Meets(need.need));
            if (pick is not null)
            {
                pick.Reasons.Add(need.need.Why);
                picks.Add(pick);
            }
        }
        picks.AddRange(candidates.Where(c => !picks.Contains(c)).Take(MaxRoutines - 1 - picks.Count));

        var matched = picks.Select(p => new MatchedRoutine(p.Routine, p.Reasons, p.NextStage)).ToList();
        // The post-run reset suits every self-care runner: mild, short-lived soreness included.
        var reset = routines.FirstOrDefault(r => r.Phase == RoutineCard.PostRunResetPhase);
        if (reset is not null)
        {
            matched.Add(new MatchedRoutine(reset, ["Five minutes after every run to ease tightness and keep the knee moving well."]));
        }
        return matched;
    }

    /// <summary>Routines that address a cause in play or a finding, best first.</summary>
    private static List<Candidate> Score(AssessmentResult result, IReadOnlyList<CauseScore> inPlay, IReadOnlyList<RoutineCard> routines, Func<string, string> causeName) =>
        routines
            .Select((routine, order) =>
            {
                var reasons = new List<string>();
                double score = 0;
                // A routine written for one or two causes fits them better than a general one for all four.
                var focus = routine.Causes.Count <= 2 ? 1.0 : 0.6;
                foreach (var cause in inPlay.Where(c => routine.Causes.Contains(c.Cause)))
                {
                    var top = cause.Cause == result.TopCause;
                    score += ((cause.Band == Band.Likely ? 3 : 1.5) + (top ? 2 : 0)) * focus;
                    reasons.Add($"Works on {InSentence(causeName(cause.Cause))}, which your answers point to{(top ? " most" : "")}.");
                }
                // No pain at all: the warm-up and prevention routines suit anyone who wants to keep it that way.
                if (result.Prevention && routine.Phase is PreventPhase or WarmUpPhase)
                {
                    score += 1;
                    reasons.Add("Part of keeping knee pain away: a few minutes before runs or a short session a couple of times a week.");
                }
                // Findings only refine the choice among routines for the causes in play: a loading
                // routine needs a cause in play (a load spike with mild, diffuse soreness, say, never
                // earns strength or eccentric work). Without any pain there is nothing to protect, so a
                // pain-free runner's self-checks may earn strength work.
                if (score > 0 || !routine.Loads || result.Prevention)
                {
                    foreach (var finding in result.Findings.Where(f => routine.Findings.Contains(f.Id)))
                    {
                        score += 1;
                        reasons.Add(finding.Text);
                    }
                }
                return new Candidate(routine, score, reasons, order);
            })
            .Where(c => c.Score > 0 && c.Routine.Phase != RoutineCard.PostRunResetPhase)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => DifficultyRank(c.Routine.Difficulty)) // the gentler start first
            .ThenBy(c => c.Order)
            .ToList();

    /// <summary>
    /// A harder routine in the same phase for the same cause is a later stage of an easier one: it
    /// is never offered beside it, so a runner never gets two stages (and twice the sessions) at
    /// once. Each stage names only the stage right after it (stage 1 names stage 2, never stage 3).
    /// </summary>
    private static List<Candidate> OneStageAtATime(List<Candidate> candidates, IReadOnlySet<string> inPlay)
    {
        bool SameProgramme(Candidate a, Candidate b) =>
            a != b && a.Routine.Phase == b.Routine.Phase && a.Routine.Causes.Intersect(b.Routine.Causes).Any(inPlay.Contains);
        foreach (var stage in candidates)
        {
            stage.NextStage = candidates
                .Where(c => SameProgramme(c, stage) && DifficultyRank(c.Routine.Difficulty) > DifficultyRank(stage.Routine.Difficulty))
                .OrderBy(c => DifficultyRank(c.Routine.Difficulty))
                .FirstOrDefault()?.Routine;
        }
        return candidates
            .Where(harder => !candidates.Any(c => SameProgramme(c, harder) && DifficultyRank(c.Routine.Difficulty) < DifficultyRank(harder.Routine.Difficulty)))
            .ToList();
    }

    private const string PreventPhase = "prevent";
    private const string WarmUpPhase = "warm_up";

    /// <summary>A cause's name inside a sentence: "runner's knee", but "IT band syndrome" keeps its capitals.</summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static int DifficultyRank(string difficulty) => difficulty switch
    {
        "easy" => 0,
        "moderate" => 1,
        _ => 2,
    };
}
