using System.Globalization;
using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using static KneeReset.Web.Api.RunnerLogRequests;

namespace KneeReset.Web.Api;

/// <summary>
/// The return-to-running ladder through the runner's private link: runs, their next mornings and the
/// entry self-tests (/api/manage/{manage}/runs, /self-tests); where it stands is part of GET /recovery.
/// Same rules as the session endpoints: bounded JSON, 400 problem details, a share token finds nothing.
/// </summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/manage/{manage}").WithTags("Recovery");
        group.MapPost("/runs", LogAsync)
            .RequireRateLimiting(RateLimits.SessionLog)
            .WithMetadata(new DocumentedBody(typeof(NewRun), "application/json"))
            .AddOpenApiOperationTransformer(DescribeIdempotencyKey)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPatch("/runs/{id}", MorningAsync)
            .RequireRateLimiting(RateLimits.SessionLog)
            .WithMetadata(new DocumentedBody(typeof(RunMorning), "application/json"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/self-tests", SelfTestAsync)
            .RequireRateLimiting(RateLimits.SessionLog)
            .WithMetadata(new DocumentedBody(typeof(NewSelfTest), "application/json"))
            .AddOpenApiOperationTransformer(DescribeIdempotencyKey)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Created<RunLogged>, ValidationProblem, ProblemHttpResult>> LogAsync(
        string manage, HttpRequest request, KneeResetDbContext db, Ladders ladders, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request, db, manage, cancellationToken);
        if (!found.IsFound)
        {
            return found.Refused;
        }
        var body = await ReadNewAsync<NewRun>(request, "The body must be a JSON object with stage, completed and painDuring.", cancellationToken);
        if (!body.IsRead)
        {
            return body.Invalid;
        }
        var (assessment, input) = (found.Assessment, body.Value);
        var errors = new Dictionary<string, string[]>();
        var key = ReadKey(request, errors);
        var top = ladders.Ladder.TopStage.Stage;
        if (input.Stage is not { } stage || stage < 1 || stage > top)
        {
            errors["stage"] = [$"stage is a whole number from 1 to {top}, and it is required."];
        }
        var on = Day(errors, "on", input.On, ladders, required: false);
        if (input.Completed is null)
        {
            errors["completed"] = ["completed is true or false, and it is required."];
        }
        Score(errors, "painDuring", input.PainDuring, required: true);
        Score(errors, "usualPain", input.UsualPain, required: false);
        Score(errors, "painNextMorning", input.PainNextMorning, required: false);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var run = new RunLog
        {
            AssessmentId = assessment.Id,
            DoneOn = on ?? Progressions.Today(clock),
            Stage = input.Stage!.Value,
            Completed = input.Completed!.Value,
            PainDuring = input.PainDuring!.Value,
            PainUsual = input.UsualPain,
            PainNextMorning = input.PainNextMorning,
            Swelling = input.Swelling,
            ClientKey = key,
        };
        var (outcome, stored, state) = await ladders.LogRunAsync(assessment, run, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (outcome == RunStored.StageNotOpen)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "That stage isn't open.",
                detail: state.Open ? $"Stage {state.Stage} is open: log a run for it or a stage below." : $"The ladder isn't open yet: {string.Join(" ", state.Missing)}");
        }
        if (outcome == RunStored.BeforeSelfTests)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "That day is before the self-tests that opened the ladder.",
                detail: "The self-tests count for the days before the first run: date the run on or after them.");
        }
        var id = stored!.Id.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Created($"/api/manage/{manage}/runs/{id}", new RunLogged(id, RunAdviceView.Of(state.Advice)));
    }

    private static async Task<Results<Ok<RunLogged>, ValidationProblem, ProblemHttpResult>> MorningAsync(
        string manage, string id, HttpRequest request, KneeResetDbContext db, Ladders ladders, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request, db, manage, cancellationToken);
        if (!found.IsFound)
        {
            return found.Refused;
        }
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
        {
            return AssessmentProblems.NotFound();
        }
        var body = await ReadMorningAsync<RunMorning>(request, m => m.PainNextMorning, cancellationToken);
        if (!body.IsRead)
        {
            return body.Invalid;
        }
        if (await ladders.AddMorningAsync(found.Assessment, runId, body.Value.PainNextMorning!.Value, body.Value.Swelling, cancellationToken) is not { } state)
        {
            return AssessmentProblems.NotFound();
        }
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RunLogged(id, RunAdviceView.Of(state.Advice)));
    }

    private static async Task<Results<Created<SelfTestLogged>, ValidationProblem, ProblemHttpResult>> SelfTestAsync(
        string manage, HttpRequest request, KneeResetDbContext db, Ladders ladders, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request, db, manage, cancellationToken);
        if (!found.IsFound)
        {
            return found.Refused;
        }
        var body = await ReadNewAsync<NewSelfTest>(request, "The body must be a JSON object with test, passed and on.", cancellationToken);
        if (!body.IsRead)
        {
            return body.Invalid;
        }
        var (assessment, input) = (found.Assessment, body.Value);
        var errors = new Dictionary<string, string[]>();
        if (!ladders.IsSelfTest(input.Test))
        {
            errors["test"] = [$"Name a self-test: {string.Join(", ", ladders.Ladder.Entry.SelfTests.Select(t => t.Id))}."];
        }
        if (input.Passed is null)
        {
            errors["passed"] = ["passed is true or false, and it is required."];
        }
        var on = Day(errors, "on", input.On, ladders, required: true);
        Score(errors, "pain", input.Pain, required: false);
        var key = ReadKey(request, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        // Without a pain score a pass is taken at its word: passing already means pain within the test's limit.
        await ladders.LogSelfTestAsync(assessment, new SelfTestResult { Test = input.Test!, Passed = input.Passed!.Value, Pain = input.Pain ?? 0, DoneOn = on!.Value, ClientKey = key }, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var state = await ladders.ForSeriesAsync(assessment, null, cancellationToken);
        return TypedResults.Created((string?)null, new SelfTestLogged(input.Test!, input.Passed.Value, on.Value, ReturnToRunView.Of(state)));
    }

    /// <summary>A YYYY-MM-DD day not in the future nor too long ago, or an error under <paramref name="field"/>.</summary>
    private static DateOnly? Day(Dictionary<string, string[]> errors, string field, string? text, Ladders ladders, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                errors[field] = ["Give the day as YYYY-MM-DD; it is required."];
            }
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[field] = ["Give the day as YYYY-MM-DD."];
            return null;
        }
        if (ladders.DateProblem(day) is { } problem)
        {
            errors[field] = [problem];
        }
        return day;
    }
}
