using System.Text.Json;
using System.Text.Json.Nodes;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;

namespace KneeReset.Web.Api;

/// <summary>POST /api/assessments and GET /api/assessments/{token}.</summary>
public static class AssessmentsApi
{
    /// <summary>A full set of answers is well under 4 KB; anything far larger is refused unread.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments").WithTags("Assessments");
        group.MapPost("/", CreateAsync).RequireRateLimiting(RateLimits.NewAssessment);
        // Token look-ups are limited per client by the global limiter (RateLimits).
        group.MapGet("/{token}", GetAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ContentCatalog content, AssessmentService assessments, PublicLinks links, CancellationToken cancellationToken)
    {
        // Only JSON: a cross-site form or text/plain post (no CORS preflight) is refused unread.
        if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the answers as JSON, with Content-Type: application/json.");
        }
        var (document, error) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (document is null)
        {
            return Invalid("body", error!);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("answers", out var answersJson))
            {
                return Invalid("answers", "The body must be a JSON object with an \"answers\" object.");
            }
            var (answers, readErrors) = AnswerReader.FromJson(answersJson, content.Questions);
            var errors = readErrors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            var validation = new AnswersValidator(content.Questions.Questions).Validate(answers);
            foreach (var failure in validation.Errors.Where(f => !errors.ContainsKey(f.PropertyName)).GroupBy(f => f.PropertyName))
            {
                errors[failure.Key] = failure.Select(f => f.ErrorMessage).ToArray();
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Some answers are missing or not valid.");
            }

            var record = await assessments.CompleteAsync(answers, "km", cancellationToken);
            var response = ToResponse(record, links, content);
            // Only the creator learns the private manage link; the share link's GET never shows it,
            // and no cache on the way may keep it.
            response["manageUrl"] = links.To($"/m/{record.Stored.ManageToken}");
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return Results.Created($"/api/assessments/{record.Token}", response);
        }
    }

    private static async Task<IResult> GetAsync(string token, HttpRequest request, ContentCatalog content, AssessmentService assessments, SharePasscodes passcodes, PublicLinks links, CancellationToken cancellationToken)
    {
        var record = await assessments.FindAsync(token, cancellationToken);
        if (record is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No assessment at this address.");
        }
        // A passcode-protected result needs the passcode in the X-Passcode header.
        if (record.HasPasscode)
        {
            var check = await passcodes.CheckAsync(record.Stored, request.Headers["X-Passcode"].ToString(), cancellationToken);
            if (check.Locked)
            {
                return TooManyGuesses(check.Until!.Value);
            }
            if (!check.Right)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This result needs its passcode (X-Passcode header).");
            }
        }
        return Results.Json(ToResponse(record, links, content));
    }

    public static IResult TooManyGuesses(DateTimeOffset until) =>
        Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong passcodes for this result.",
            detail: $"It takes no passcode until {until.UtcDateTime:HH:mm} UTC.");

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static JsonObject ToResponse(AssessmentRecord record, PublicLinks links, ContentCatalog content)
    {
        var result = record.Outcome.Result;
        return JsonSerializer.SerializeToNode(new
        {
            resultUrl = links.To($"/r/{record.Token}"),
            triage = Vocabulary.Word(result.Triage),
            triageReasons = result.TriageReasons.Select(r => new { rule = r.Rule, level = Vocabulary.Word(r.Level), text = r.Text }),
            topCause = result.TopCause,
            causes = result.Causes.Select(c => new
            {
                cause = c.Cause,
                name = content.CauseName(c.Cause),
                score = c.Score,
                band = Vocabulary.Word(c.Band),
                evidence = c.Evidence.Select(e => new { text = e.Text, weight = e.Weight, answers = e.Answers }),
            }),
            findings = result.Findings.Select(f => new { id = f.Id, text = f.Text }),
            trainingLoad = result.TrainingLoad,
            routines = record.Outcome.Routines.Select(r => new { slug = r.Slug, title = r.Title, targets = r.Targets, reasons = r.Reasons }),
            rulesVersion = result.RulesVersion,
            questionnaireVersion = record.QuestionnaireVersion,
            createdAt = record.CreatedAt,
            answers = AnswerReader.ToJson(record.Answers, content.Questions),
        }, JsonSerializerOptions.Web)!.AsObject();
    }
}
