using System.Text.Json;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Recovery;
using KneeReset.Core.Rules;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Pages.Results;

/// <summary>One assessment in a runner's history, as the chart shows it.</summary>
/// <param name="CauseBands">Each cause's band (likely, possible, unlikely): its raw score has no unit a runner could read.</param>
public sealed record HistoryPoint(DateTimeOffset At, string Token, double? WorstPain, IReadOnlyDictionary<string, Band> CauseBands);

/// <summary>A logged session, as the chart and the session table show it.</summary>
/// <param name="Token">The session's own token: the runner's page posts its next-morning pain by it.</param>
public sealed record SessionPoint(DateTimeOffset At, string Routine, int PainDuring, int? PainNextMorning, DateOnly Day, string Token, string Slug);

/// <summary>A result page's content: the result itself, the plan, the history and the progression.</summary>
public sealed class ResultView
{
    public required LoadedAssessment Record { get; init; }
    public required CauseGuide Guide { get; init; }
    public required Func<string, string> CauseName { get; init; }
    public PlanView? Plan { get; init; }
    /// <summary>
    /// What changed in the plan since the runner last pressed "Got it", as sentences
    /// (<see cref="FollowUp.PlanChanges"/>); a plan they never confirmed is news as a whole.
    /// </summary>
    public IReadOnlyList<string> PlanChanges { get; init; } = [];
    /// <summary>The runner has not yet confirmed any version of this plan.</summary>
    public bool PlanIsNew { get; init; }
    public IReadOnlyList<Progression> Progressions { get; init; } = [];
    /// <summary>The pain model over the runner's sessions: overall advice, any escalation, mornings still to give.</summary>
    public RecoveryState? Recovery { get; init; }
    /// <summary>The return-to-running ladder over the series: open or what is missing, the stage, the runs.</summary>
    public LadderState? Running { get; init; }
    /// <summary>The series' weekly check-ins (worst pain, PSFS): whether this week's is due, the weeks, the trend.</summary>
    public CheckInState? CheckIns { get; init; }
    /// <summary>Today, as the pain model counts days (UTC).</summary>
    public DateOnly Today { get; init; }

    /// <summary>
    /// The routines due today on the runner's own page: the plan's, or else the matched ones, that
    /// weren't done today or yesterday (loading wants a rest day between); none once the sessions
    /// say see a clinician.
    /// </summary>
    public IReadOnlyList<(string Slug, string Title)> DueToday()
    {
        if (ManageToken is null || Recovery?.Escalation is not null)
        {
            return [];
        }
        var routines = Plan is { } plan
            ? plan.Items.Select(i => (i.Routine, i.Title))
            : Record.Outcome.Routines.Select(r => (r.Slug, r.Title));
        return routines.Where(r => !Sessions.Any(s => s.Slug == r.Item1 && s.Day >= Today.AddDays(-1))).ToList();
    }

    /// <summary>Whether this session's next-morning pain can still be given (on the runner's own page).</summary>
    public bool AwaitsMorning(SessionPoint session) => ManageToken is not null && Recovery is { } r && r.PendingMornings.Any(p => p.Id == session.Token);
    public IReadOnlyList<HistoryPoint> History { get; init; } = [];
    public IReadOnlyList<SessionPoint> Sessions { get; init; } = [];
    /// <summary>The runner's private token, on their own page only: their player logs sessions against this result.</summary>
    public string? ManageToken { get; init; }

    /// <summary>"Start this routine": the runner's private player on their page, the public player elsewhere.</summary>
    public string PlayUrl(string slug) => ManageToken is null ? $"/routines/{slug}/play" : $"/m/{ManageToken}/play/{slug}";

    /// <summary>A routine's page: under the runner's private address on their page, so its player still logs against this result.</summary>
    public string RoutineUrl(string slug) => ManageToken is null ? $"/routines/{slug}" : $"/m/{ManageToken}/routines/{slug}";

    public AssessmentResult Result => Record.Outcome.Result;

    /// <summary>The prevention tips this runner may read: no springy one while the tendon is in play.</summary>
    public IReadOnlyList<string> PreventionTips => Guide.TipsFor(Result);
    public IEnumerable<CauseScore> RankedCauses => Result.Causes.Where(c => c.Band != Band.Unlikely);
    public IEnumerable<CauseScore> OtherCauses => Result.Causes.Where(c => c.Band == Band.Unlikely);
}

/// <summary>Puts a result page together: the result, the clinician's plan, the runner's history and progression.</summary>
public sealed class ResultViews(KneeResetDbContext db, ContentCatalog content, ClinicianPlans plans, Progressions progressions, Ladders ladders, WeeklyCheckIns checkIns, TimeProvider clock)
{
    /// <param name="forRunner">The runner's own page: plan changes since their last visit, and their private player.</param>
    public async Task<ResultView> ForAsync(LoadedAssessment record, bool forRunner, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(record.Stored.Id, cancellationToken);
        var series = await db.Assessments.AsNoTracking().Where(a => a.SeriesKey == record.Stored.SeriesKey).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var seriesIds = series.Select(a => a.Id).ToList();
        var sessions = await db.RoutineSessions.AsNoTracking().Include(s => s.Routine)
            .Where(s => s.AssessmentId != null && seriesIds.Contains(s.AssessmentId.Value)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        // A new check or a clinician's plan is a fresh start: escalations from sessions before it no longer hold.
        var recovery = progressions.Recovery(sessions, await progressions.FreshStartAsync(record.Stored, cancellationToken));
        return new ResultView
        {
            Record = record,
            Guide = content.Causes,
            CauseName = content.CauseName,
            Plan = plan,
            PlanChanges = !forRunner || plan is null ? []
                : record.Stored.PlanSeenJson is { } seen ? FollowUp.PlanChanges.Since(seen, plan)
                : ["Your clinician has written a plan for you: it is below."],
            PlanIsNew = forRunner && plan is not null && record.Stored.PlanSeenJson is null,
            Progressions = await progressions.ForAsync(record.Outcome.Result, plan, sessions, recovery, cancellationToken),
            Recovery = recovery,
            Running = await ladders.ForSeriesAsync(record.Stored, recovery, cancellationToken),
            CheckIns = await checkIns.ForSeriesAsync(record.Stored, cancellationToken),
            Today = Progressions.Today(clock),
            History = series.Select(a => new HistoryPoint(a.CreatedAt, a.Token,
                AnswerReader.FromStoredJson(a.AnswersJson, content.Questions).Number("worst_pain"),
                JsonSerializer.Deserialize<AssessmentOutcome>(a.ResultJson, ContentJson.Options)!.Result.Causes.ToDictionary(c => c.Cause, c => c.Band))).ToList(),
            Sessions = sessions.Select(s => new SessionPoint(s.CompletedAt, s.Routine.Title, s.PainDuring, s.PainNextMorning, s.Day, s.Token, s.Routine.Slug)).ToList(),
            ManageToken = forRunner ? record.Stored.ManageToken : null,
        };
    }
}
