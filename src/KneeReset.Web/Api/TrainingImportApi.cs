using System.Globalization;
using KneeReset.Core.TrainingImport;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Training;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KneeReset.Web.Api;

/// <summary>
/// POST /api/training/import: a runner's GPX, TCX and activity-list files to their training-load
/// figures. Nothing is stored; positions never leave the readers.
/// </summary>
public static class TrainingImportApi
{
    public const string FilesField = "files";
    public const string AsOfField = "asOf";

    public static IEndpointRouteBuilder MapTrainingImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/training/import", ImportAsync)
            .WithTags("Training")
            // An API for clients that send no cookies: there is no session for a forged request to ride on.
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.TrainingImport)
            .WithMetadata(new RequestSizeLimitAttribute(TrainingUpload.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: TrainingUpload.MaxRequestBytes)
            .WithMetadata(new DocumentedBody(typeof(TrainingImportForm), "multipart/form-data"))
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Ok<TrainingSummary>, ValidationProblem>> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var upload = await TrainingUpload.ReadAsync(request, FilesField, cancellationToken);
        if (upload.Error is { } unreadable)
        {
            return Invalid(upload.ErrorField ?? FilesField, unreadable);
        }
        var form = upload.Form!;
        DateOnly? asOf = null;
        if (form[AsOfField].ToString() is { Length: > 0 } asOfText)
        {
            if (!DateOnly.TryParseExact(asOfText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Invalid(AsOfField, "asOf must be a date written yyyy-MM-dd, like 2025-10-31.");
            }
            if (!RunRanges.InCalendar(day))
            {
                return Invalid(AsOfField, $"asOf must be between {RunRanges.Day(RunRanges.EarliestDate)} and {RunRanges.Day(RunRanges.LatestDate)}.");
            }
            asOf = day;
        }

        var (summary, error) = await TrainingUpload.ImportAsync(upload.Files, asOf, cancellationToken);
        return error is not null ? Invalid(FilesField, error) : TypedResults.Ok(summary!);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message,
            title: "The files could not be read.");
}
