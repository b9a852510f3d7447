using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeReset.Web.Api;

/// <summary>POST /api/assessments and GET /api/assessments/{token}.</summary>
public static class AssessmentsApi
{
    /// <summary>A full set of answers is well under 4 KB; anything far larger is refused unread.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments").WithTags("Assessments");
        group.MapPost("/", CreateAsync)
            .RequireRateLimiting(RateLimits.NewAssessment)
            .WithMetadata(new DocumentedBody(typeof(NewAssessment), "application/json"))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // Token look-ups are limited per client by the global limiter (RateLimits).
        group.MapGet("/{token}", GetAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Created<AssessmentCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ContentCatalog content, AnswersValidatorCache validators, AssessmentService assessments, PublicLinks links, CancellationToken cancellationToken)
    {
        // Only JSON: a cross-site form or text/plain post (no CORS preflight) is refused unread.
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the answers as JSON, with Content-Type: application/json.");
        }
        var body = await JsonBody.ReadAsync<NewAssessment>(request, MaxBodyBytes, cancellationToken);
        if (body.Error is { } unreadable)
        {
            return Invalid("body", unreadable);
        }
        if (body.Value is not { } input)
        {
            return Invalid("answers", "The body must be a JSON object with an \"answers\" object.");
        }

        var (answers, readErrors) = AnswerReader.FromJson(input.Answers, content.Questions);
        var errors = readErrors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        // As in the questionnaire, urgent answers need not carry the questions an urgent runner skips.
        var evaluated = content.Rules.Evaluate(answers);
        var urgent = evaluated.Triage == Triage.Urgent;
        var validation = validators.For([.. content.Questions.Questions], waived: urgent ? content.Questions.RequiredUnlessUrgent() : null).Validate(answers);
        foreach (var failure in validation.Errors.Where(f => !errors.ContainsKey(f.PropertyName)).GroupBy(f => f.PropertyName))
        {
            errors[failure.Key] = failure.Select(f => f.ErrorMessage).ToArray();
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some answers are missing or not valid.");
        }

        var record = await assessments.CompleteAsync(answers, "km", cancellationToken, evaluated: evaluated);
        // Only the creator learns the private manage link; the share link's GET never shows it,
        // and no cache on the way may keep it.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/assessments/{record.Token}",
            new AssessmentCreated(AssessmentView.Of(record, links, content), links.To($"/m/{record.Stored.ManageToken}")));
    }

    private static async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> GetAsync(
        string token, HttpRequest request, ContentCatalog content, AssessmentService assessments, SharePasscodes passcodes, PublicLinks links, CancellationToken cancellationToken)
    {
        var record = await assessments.FindAsync(token, cancellationToken);
        if (record is null)
        {
            return AssessmentProblems.NotFound();
        }
        // A passcode-protected result needs the passcode in the X-Passcode header.
        if (record.HasPasscode && await AssessmentProblems.PasscodeRefusalAsync(record, request.Headers["X-Passcode"].ToString(), passcodes, "This result needs its passcode (X-Passcode header).", cancellationToken) is { } refused)
        {
            return refused;
        }
        return TypedResults.Ok(AssessmentView.Of(record, links, content));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");
}
