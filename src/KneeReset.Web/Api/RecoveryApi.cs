using System.Globalization;
using KneeReset.Core.Recovery;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static KneeReset.Web.Api.RunnerLogRequests;

namespace KneeReset.Web.Api;

/// <summary>The body of POST /api/manage/{manage}/sessions.</summary>
/// <param name="On">The day it was done, YYYY-MM-DD; today when absent.</param>
/// <param name="Feeling">easy, about_right or too_hard; not_given when absent.</param>
public sealed record NewSession(string? Routine, string? On, int? PainDuring, int? UsualPain, int? PainNextMorning, string? Feeling);

/// <summary>The body of PATCH /api/manage/{manage}/sessions/{id}.</summary>
public sealed record MorningPain(int? PainNextMorning);

/// <summary>What to do next. Action: progress, hold, step_back or see_clinician.</summary>
public sealed record AdviceView(PainAction Action, string Reason)
{
    public static AdviceView Of(Advice advice) => new(advice.Action, advice.Reason);
}

public sealed record SessionAdvice(string Id, AdviceView Advice);

public sealed record RoutineAdviceView(string Routine, int Sessions, AdviceView Advice);

/// <summary>Self-care isn't enough: see a clinician this soon (today, within_two_days, within_two_weeks).</summary>
public sealed record EscalationView(string Reason, KneeReset.Core.Rules.TimeFrame TimeFrame);

public sealed record PendingMorning(string Id, DateOnly On);

/// <summary>Where the runner's recovery stands. Advice is the most cautious routine's; null before any session. ReturnToRun: the running ladder.</summary>
public sealed record RecoveryView(AdviceView? Advice, IReadOnlyList<RoutineAdviceView> Routines, int? BaselinePain, EscalationView? Escalation, IReadOnlyList<PendingMorning> PendingMornings, ReturnToRunView ReturnToRun)
{
    public static RecoveryView Of(RecoveryState state, LadderState ladder) => new(
        state.Advice is { } advice ? AdviceView.Of(advice) : null,
        [.. state.Routines.Select(r => new RoutineAdviceView(r.Routine, r.Sessions, AdviceView.Of(r.Advice)))],
        state.BaselinePain,
        state.Escalation is { } e ? new EscalationView(e.Reason, e.TimeFrame) : null,
        [.. state.PendingMornings.Select(p => new PendingMorning(p.Id, p.On))],
        ReturnToRunView.Of(ladder));
}

/// <summary>
/// The runner's sessions and recovery through their private link (/api/manage/{manage}/...): the
/// same pain model as the private page. A share link finds nothing here; a revoked result's
/// private link still works, as the private page does, since the data is the runner's own.
/// </summary>
public static class RecoveryApi
{
    public static IEndpointRouteBuilder MapRecoveryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/manage/{manage}").WithTags("Recovery");
        group.MapPost("/sessions", LogAsync)
            .RequireRateLimiting(RateLimits.SessionLog)
            .WithMetadata(new DocumentedBody(typeof(NewSession), "application/json"))
            .AddOpenApiOperationTransformer(DescribeIdempotencyKey)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPatch("/sessions/{id}", MorningAsync)
            .RequireRateLimiting(RateLimits.SessionLog)
            .WithMetadata(new DocumentedBody(typeof(MorningPain), "application/json"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/recovery", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Created<SessionAdvice>, ValidationProblem, ProblemHttpResult>> LogAsync(
        string manage, HttpRequest request, KneeResetDbContext db, RoutineLibrary library, ContentCatalog content, Progressions progressions, SessionLog log, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request, db, manage, cancellationToken);
        if (!found.IsFound)
        {
            return found.Refused;
        }
        var body = await ReadNewAsync<NewSession>(request, "The body must be a JSON object with routine and painDuring.", cancellationToken);
        if (!body.IsRead)
        {
            return body.Invalid;
        }
        var (assessment, input) = (found.Assessment, body.Value);
        var errors = new Dictionary<string, string[]>();
        // A replay with the same key (after a reply that never arrived) gets the same answer; nothing is stored twice.
        var key = ReadKey(request, errors);
        DateOnly? on = null;
        if (input.On is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                on = day;
                if (content.Pain.DateProblem(day, Progressions.LatestToday(clock)) is { } problem)
                {
                    errors["on"] = [problem];
                }
            }
            else
            {
                errors["on"] = ["Give the day as YYYY-MM-DD."];
            }
        }
        Score(errors, "painDuring", input.PainDuring, required: true);
        Score(errors, "usualPain", input.UsualPain, required: false);
        Score(errors, "painNextMorning", input.PainNextMorning, required: false);
        if (input.Feeling is { } feeling && !Pages.Routines.PlayModel.Feelings.Any(f => f.Value == feeling))
        {
            errors["feeling"] = ["Choose easy, about_right or too_hard."];
        }
        var routine = string.IsNullOrWhiteSpace(input.Routine) ? null : await library.FindAsync(input.Routine, cancellationToken);
        if (routine is null)
        {
            errors["routine"] = ["Name a published routine by its slug, as /api/routines lists them."];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var session = new RoutineSession
        {
            Token = UnguessableToken.New(),
            RoutineId = routine!.Routine.Id,
            AssessmentId = assessment.Id,
            CompletedAt = clock.GetUtcNow(),
            DoneOn = on ?? Progressions.Today(clock),
            PainDuring = input.PainDuring!.Value,
            PainUsual = input.UsualPain,
            PainNextMorning = input.PainNextMorning,
            Feeling = input.Feeling ?? "not_given",
            ClientKey = key,
        };
        var (stored, isNew, storedRecovery) = await log.StoreOnceAsync(session, cancellationToken);
        var recovery = storedRecovery ?? await progressions.ForSeriesAsync(assessment, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var slug = isNew ? routine.Routine.Slug : stored.Routine.Slug;
        return TypedResults.Created($"/api/manage/{manage}/sessions/{stored.Token}", Advice(stored.Token, slug, recovery));
    }

    private static async Task<Results<Ok<SessionAdvice>, ValidationProblem, ProblemHttpResult>> MorningAsync(
        string manage, string id, HttpRequest request, KneeResetDbContext db, SessionLog log, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request, db, manage, cancellationToken);
        if (!found.IsFound)
        {
            return found.Refused;
        }
        var assessment = found.Assessment;
        var series = db.Assessments.Where(a => a.SeriesKey == assessment.SeriesKey);
        var session = UnguessableToken.LooksValid(id)
            ? await db.RoutineSessions.Include(s => s.Routine).FirstOrDefaultAsync(s => s.Token == id && series.Any(a => a.Id == s.AssessmentId), cancellationToken)
            : null;
        if (session is null)
        {
            return AssessmentProblems.NotFound();
        }
        var body = await ReadMorningAsync<MorningPain>(request, m => m.PainNextMorning, cancellationToken);
        if (!body.IsRead)
        {
            return body.Invalid;
        }
        var recovery = await log.AddMorningAsync(session, assessment, body.Value.PainNextMorning!.Value, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(Advice(session.Token, session.Routine.Slug, recovery!));
    }

    private static async Task<Results<Ok<RecoveryView>, ProblemHttpResult>> GetAsync(
        string manage, HttpRequest request, KneeResetDbContext db, Progressions progressions, Ladders ladders, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, manage, cancellationToken) is not { } assessment)
        {
            return AssessmentProblems.NotFound();
        }
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var recovery = await progressions.ForSeriesAsync(assessment, cancellationToken);
        return TypedResults.Ok(RecoveryView.Of(recovery, await ladders.ForSeriesAsync(assessment, recovery, cancellationToken)));
    }

    private static SessionAdvice Advice(string id, string routine, RecoveryState recovery) =>
        new(id, AdviceView.Of(recovery.Routines.First(r => r.Routine == routine).Advice));
}
