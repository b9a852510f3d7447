using System.Globalization;
using System.Text.Json;
using KneeReset.Core;
using KneeReset.Core.Assessment;
using KneeReset.Core.Routines;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Assessment;

/// <summary>One routine in a clinician's plan, with the dosage the clinician set.</summary>
public sealed record PlanItem(string Routine, string Title, string? Dosage, string? Note);

/// <summary>Where the runner's plan goes next for one routine, from the pain they logged.</summary>
public sealed record Progression(string Routine, string Title, PainAdvice Advice, string Reason, string Suggestion, DateTimeOffset LoggedAt);

public sealed record PlanView(ClinicianPlan Plan, IReadOnlyList<PlanItem> Items);

/// <summary>One assessment in a runner's history, as the chart shows it.</summary>
public sealed record HistoryPoint(DateTimeOffset At, string Token, double WorstPain, IReadOnlyDictionary<string, double> CauseScores);

/// <summary>A logged session, as the chart shows it.</summary>
public sealed record SessionPoint(DateTimeOffset At, string Routine, int PainDuring, int? PainNextMorning);

/// <summary>A result page's content: the result itself, the plan, the history and the progression.</summary>
public sealed class ResultView
{
    public required AssessmentRecord Record { get; init; }
    public required CauseGuide Guide { get; init; }
    public required Func<string, string> CauseName { get; init; }
    public PlanView? Plan { get; init; }
    public IReadOnlyList<FieldChange> PlanChanges { get; init; } = [];
    public IReadOnlyList<Progression> Progressions { get; init; } = [];
    public IReadOnlyList<HistoryPoint> History { get; init; } = [];
    public IReadOnlyList<SessionPoint> Sessions { get; init; } = [];
    /// <summary>The runner's private token, on their own page only: their player logs sessions against this result.</summary>
    public string? ManageToken { get; init; }

    /// <summary>"Start this routine": the runner's private player on their page, the public player elsewhere.</summary>
    public string PlayUrl(string slug) => ManageToken is null ? $"/routines/{slug}/play" : $"/m/{ManageToken}/play/{slug}";

    public AssessmentResult Result => Record.Outcome.Result;
    public IEnumerable<CauseScore> RankedCauses => Result.Causes.Where(c => c.Band != Band.Unlikely);
    public IEnumerable<CauseScore> OtherCauses => Result.Causes.Where(c => c.Band == Band.Unlikely);

    public static string BandText(Band band) => band switch
    {
        Band.Likely => "Likely",
        Band.Possible => "Possible",
        _ => "Unlikely",
    };
}

/// <summary>Plans, follow-up history and pain-guided progression for an assessment.</summary>
public sealed class FollowUp(KneeResetDbContext db, ContentCatalog content, AuditLog audit, TimeProvider clock)
{
    public async Task<ResultView> ViewAsync(AssessmentRecord record, bool forRunner, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(record.Stored.Id, cancellationToken);
        var series = await db.Assessments.AsNoTracking().Where(a => a.SeriesKey == record.Stored.SeriesKey).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var seriesIds = series.Select(a => a.Id).ToList();
        var sessions = await db.RoutineSessions.AsNoTracking().Include(s => s.Routine)
            .Where(s => s.AssessmentId != null && seriesIds.Contains(s.AssessmentId.Value)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return new ResultView
        {
            Record = record,
            Guide = content.Causes,
            CauseName = content.CauseName,
            Plan = plan,
            PlanChanges = forRunner && plan is not null && record.Stored.PlanSeenJson is { } seen ? LibraryEditor.Compare(seen, PlanJson(plan)) : [],
            Progressions = await ProgressionsAsync(plan, sessions, cancellationToken),
            History = series.Select(a => new HistoryPoint(a.CreatedAt, a.Token,
                AnswerReader(a).Number("worst_pain") ?? 0,
                JsonSerializer.Deserialize<StoredResult>(a.ResultJson, ContentJson.Options)!.Result.Causes.ToDictionary(c => c.Cause, c => c.Score))).ToList(),
            Sessions = sessions.Select(s => new SessionPoint(s.CompletedAt, s.Routine.Title, s.PainDuring, s.PainNextMorning)).ToList(),
            ManageToken = forRunner ? record.Stored.ManageToken : null,
        };
    }

    private Answers AnswerReader(StoredAssessment a) => Core.Questionnaire.AnswerReader.FromStoredJson(a.AnswersJson, content.Questions);

    /// <summary>Remembers the plan as the runner has now seen it.</summary>
    public async Task MarkPlanSeenAsync(StoredAssessment stored, PlanView? plan, CancellationToken cancellationToken)
    {
        if (plan is null)
        {
            return;
        }
        var entity = await db.Assessments.FirstAsync(a => a.Id == stored.Id, cancellationToken);
        entity.PlanSeenJson = PlanJson(plan);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PlanView?> PlanAsync(int assessmentId, CancellationToken cancellationToken)
    {
        var plan = await db.ClinicianPlans.AsNoTracking().FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        return plan is null ? null : new PlanView(plan, JsonSerializer.Deserialize<List<PlanItem>>(plan.ItemsJson, ContentJson.Options) ?? []);
    }

    public async Task SavePlanAsync(int assessmentId, string clinician, string? note, string? avoid, DateOnly? review, IReadOnlyList<PlanItem> items, CancellationToken cancellationToken)
    {
        var plan = await db.ClinicianPlans.FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        if (plan is null)
        {
            plan = new ClinicianPlan { AssessmentId = assessmentId, Clinician = clinician };
            db.ClinicianPlans.Add(plan);
        }
        plan.Clinician = clinician;
        plan.Note = note;
        plan.Avoid = avoid;
        plan.ReviewDate = review;
        plan.ItemsJson = JsonSerializer.Serialize(items, ContentJson.Options);
        plan.Version += 1;
        plan.UpdatedAt = clock.GetUtcNow();
        audit.Record(clinician, "plan.saved", $"assessment {assessmentId}", $"version {plan.Version}: {items.Count} routines, review {review?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The plan in a stable JSON shape, to compare what the runner saw with what is there now.</summary>
    public static string PlanJson(PlanView plan) => JsonSerializer.Serialize(new
    {
        note = plan.Plan.Note,
        avoid = plan.Plan.Avoid,
        reviewDate = plan.Plan.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        routines = plan.Items.Select(i => new { routine = i.Title, dosage = i.Dosage, note = i.Note }),
    }, ContentJson.Options);

    /// <summary>
    /// For each routine in the plan (or, without a plan, each routine the runner logged), the
    /// latest logged sessions decide: progress, hold or step back, by the pain-monitoring model.
    /// </summary>
    private async Task<IReadOnlyList<Progression>> ProgressionsAsync(PlanView? plan, IReadOnlyList<RoutineSession> sessions, CancellationToken cancellationToken)
    {
        var routines = plan?.Items.Select(i => i.Routine).ToList() ?? sessions.Select(s => s.Routine.Slug).Distinct().ToList();
        var result = new List<Progression>();
        var names = await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Name, cancellationToken);
        foreach (var slug in routines)
        {
            var logged = sessions.Where(s => s.Routine.Slug == slug).ToList();
            if (logged.Count == 0)
            {
                continue;
            }
            var latest = logged[^1];
            var (advice, reason) = PainMonitor.Advise(logged.Select(s => s.Pain).ToList());
            var variations = await db.RoutineSteps.AsNoTracking().Where(s => s.RoutineId == latest.RoutineId).Include(s => s.Exercise)
                .Select(s => new { s.Exercise.Name, s.Exercise.EasierSlug, s.Exercise.HarderSlug }).ToListAsync(cancellationToken);
            var swaps = variations
                .Select(v => (v.Name, Other: advice == PainAdvice.StepBack ? v.EasierSlug : v.HarderSlug))
                .Where(v => v.Other is not null && names.ContainsKey(v.Other))
                .Select(v => $"{v.Name} → {names[v.Other!]}")
                .ToList();
            var suggestion = advice switch
            {
                PainAdvice.Progress => swaps.Count > 0 ? $"Step up: {string.Join("; ", swaps)}, or add 2 reps a set." : "Step up: add 2 reps a set, or a third set.",
                PainAdvice.StepBack => swaps.Count > 0 ? $"Step back: {string.Join("; ", swaps)}, or drop a set." : "Step back: fewer reps or one set fewer until it settles.",
                _ => "Hold: keep the same exercises and dose.",
            };
            result.Add(new Progression(slug, latest.Routine.Title, advice, reason, suggestion, latest.CompletedAt));
        }
        return result;
    }
}
