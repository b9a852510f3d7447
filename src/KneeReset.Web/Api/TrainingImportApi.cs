using System.Globalization;
using KneeReset.Core.TrainingImport;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Training;
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
            .WithFormOptions(multipartBodyLengthLimit: TrainingUpload.MaxRequestBytes);
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
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
            asOf = day;
        }

        var (summary, error) = TrainingUpload.Import(upload.Files, asOf);
        return error is not null ? Invalid(FilesField, error) : Results.Json(ToResponse(summary!));
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message,
            title: "The files could not be read.");

    /// <summary>
    /// The answer, written out field by field so the contract is this file, not the core's records:
    /// <c>{runs, from, to, weeklyKm, answers, spikes, asOf, ignored}</c>.
    /// </summary>
    public static object ToResponse(TrainingSummary summary) => new
    {
        runs = summary.Runs,
        from = summary.From,
        to = summary.To,
        weeklyKm = summary.WeeklyKm.Select(w => new { weekStart = w.WeekStart, km = w.Km }),
        answers = summary.Answers is { } a
            ? new Dictionary<string, double>
            {
                ["weekly_km_now"] = a.WeeklyKmNow,
                ["weekly_km_month_ago"] = a.WeeklyKmMonthAgo,
                ["longest_run_km_recent"] = a.LongestRunKmRecent,
                ["longest_run_km_month_before"] = a.LongestRunKmMonthBefore,
            }
            : null,
        spikes = summary.Spikes.Select(s => new
        {
            date = s.Date,
            km = s.Km,
            previousLongestKm = s.PreviousLongestKm,
            increasePercent = s.IncreasePercent,
            band = s.Band,
        }),
        asOf = summary.AsOf,
        ignored = new { notRuns = summary.Ignored.NotRuns, runsWithoutDistance = summary.Ignored.RunsWithoutDistance },
    };
}
