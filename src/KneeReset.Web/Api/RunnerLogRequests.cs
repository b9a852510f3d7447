using System.Diagnostics.CodeAnalysis;
using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace KneeReset.Web.Api;

/// <summary>
/// What the runner's log endpoints through the private link (sessions, runs, self-tests and their
/// next mornings) check alike: JSON only (415), a private link that finds the assessment (404), a
/// bounded body (400 validation problem) and an optional Idempotency-Key. Each endpoint keeps its
/// own body, messages and OpenAPI metadata.
/// </summary>
internal static class RunnerLogRequests
{
    public const int MaxBodyBytes = 4 * 1024;

    /// <summary>The header an app sends with a POST so that a retried post stores the entry once.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The assessment a private link finds, or the answer that turns the request away.</summary>
    public sealed record Found(StoredAssessment? Assessment, ProblemHttpResult? Refused)
    {
        [MemberNotNullWhen(true, nameof(Assessment))]
        [MemberNotNullWhen(false, nameof(Refused))]
        public bool IsFound => Assessment is not null;
    }

    /// <summary>The bound body, or the 400 that says why it could not be read.</summary>
    public sealed record Body<T>(T? Value, ValidationProblem? Invalid) where T : class
    {
        [MemberNotNullWhen(true, nameof(Value))]
        [MemberNotNullWhen(false, nameof(Invalid))]
        public bool IsRead => Invalid is null;
    }

    /// <summary>For a JSON request: 415 when it is not JSON, else 404 when the private link finds nothing.</summary>
    public static async Task<Found> FindAsync(HttpRequest request, KneeResetDbContext db, string manage, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return new(null, UnsupportedMedia());
        }
        return await FindAsync(db, manage, cancellationToken) is { } assessment
            ? new(assessment, null)
            : new(null, AssessmentProblems.NotFound());
    }

    /// <summary>Only the private link finds the assessment: a share token never does.</summary>
    public static async Task<StoredAssessment?> FindAsync(KneeResetDbContext db, string manage, CancellationToken cancellationToken) =>
        UnguessableToken.LooksValid(manage) ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.ManageToken == manage, cancellationToken) : null;

    /// <summary>A new entry's body; <paramref name="bodyMustBe"/> answers a body of another shape.</summary>
    public static async Task<Body<T>> ReadNewAsync<T>(HttpRequest request, string bodyMustBe, CancellationToken cancellationToken) where T : class
    {
        var body = await JsonBody.ReadAsync<T>(request, MaxBodyBytes, cancellationToken);
        return body.Value is { } input
            ? new(input, null)
            : new(null, Invalid(new() { ["body"] = [body.Error ?? bodyMustBe] }));
    }

    /// <summary>A next morning's body, whose pain score is required (as the message for any other shape says).</summary>
    public static async Task<Body<T>> ReadMorningAsync<T>(HttpRequest request, Func<T, int?> painNextMorning, CancellationToken cancellationToken) where T : class
    {
        var body = await JsonBody.ReadAsync<T>(request, MaxBodyBytes, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        Score(errors, "painNextMorning", body.Value is { } morning ? painNextMorning(morning) : null, required: true);
        if (body.Error is { } unreadable)
        {
            errors["body"] = [unreadable];
        }
        return errors.Count > 0 ? new(null, Invalid(errors)) : new(body.Value, null);
    }

    /// <summary>The Idempotency-Key header when sent; a malformed one is an error under its name.</summary>
    public static string? ReadKey(HttpRequest request, Dictionary<string, string[]> errors)
    {
        string? key = request.Headers[IdempotencyKey];
        if (key is not null && !SessionLog.IsKey(key))
        {
            errors[IdempotencyKey] = [$"Idempotency-Key is {SessionLog.MinKeyLength} to {SessionLog.MaxKeyLength} letters, digits, - or _."];
        }
        return key;
    }

    public static Task DescribeIdempotencyKey(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey,
            In = ParameterLocation.Header,
            Description = $"Optional: a key of your own ({SessionLog.MinKeyLength} to {SessionLog.MaxKeyLength} letters, digits, - or _), new for each session, run or self-test. Posting again with the same key answers with what was stored the first time and stores nothing more.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = SessionLog.MinKeyLength, MaxLength = SessionLog.MaxKeyLength, Pattern = "^[A-Za-z0-9_-]+$" },
        });
        return Task.CompletedTask;
    }

    public static void Score(Dictionary<string, string[]> errors, string field, int? value, bool required)
    {
        if (value is null ? required : value is < 0 or > 10)
        {
            errors[field] = [$"{field} is a whole number from 0 to 10{(required ? ", and it is required" : "")}."];
        }
    }

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.");

    private static ProblemHttpResult UnsupportedMedia() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON, with Content-Type: application/json.");
}
