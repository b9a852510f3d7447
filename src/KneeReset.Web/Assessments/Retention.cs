using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Assessments;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>A questionnaire left unfinished this long is removed.</summary>
    public int DraftDays { get; set; } = 7;

    /// <summary>A result is removed this long after its share link expired or was revoked (a link that never expires keeps it).</summary>
    public int ResultDaysAfterShareEnds { get; set; } = 180;

    /// <summary>How often the clean-up runs.</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>
    /// The most results one run may remove. More due at once (a clock jumped forward, say) and the
    /// run removes none of them and says so in the log and in readiness, until the clock is right
    /// or an operator raises this for a real backlog.
    /// </summary>
    public int BulkLimit { get; set; } = 100;
}

/// <summary>
/// Removes abandoned drafts, and results whose share link ended (expired or revoked) longer ago
/// than the configured period, with their sessions, plans, runs, self-tests and check-ins; and exercise pictures no exercise
/// uses any more. Nothing else is ever removed without the runner asking.
/// </summary>
public sealed class Retention(KneeResetDbContext db, IOptions<RetentionOptions> options, TimeProvider clock, BulkChanges bulk, MediaStore media, RetentionStatus status)
{
    /// <param name="HeldBack">Results that were due but kept, because more were due at once than <see cref="RetentionOptions.BulkLimit"/>.</param>
    public sealed record Report(int Drafts, int Results, int HeldBack = 0, int Pictures = 0);

    /// <summary>Until when this result is kept; null while its share link has no end.</summary>
    public DateTimeOffset? KeptUntil(StoredAssessment a) => a.ShareEndedAt is { } ended
        // A date at the calendar's far end (stored by hand, or a clock gone wrong) must not overflow.
        ? ended <= DateTimeOffset.MaxValue.AddDays(-ResultDays) ? ended.AddDays(ResultDays) : DateTimeOffset.MaxValue
        : null;

    public int ResultDays => options.Value.ResultDaysAfterShareEnds;

    /// <summary>Runs once and records how it went in <see cref="RetentionStatus"/> (which readiness reports).</summary>
    public async Task<Report> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await RemoveAsync(cancellationToken);
            status.Ran(report, options.Value.BulkLimit);
            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status.Failed(e);
            throw;
        }
    }

    private async Task<Report> RemoveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Each cut-off is now minus a period, never a stored date plus one: any stored date compares
        // without overflowing (one draft dated 9999 once made every run fail).
        var draftCutoff = now.AddDays(-options.Value.DraftDays);
        var resultCutoff = now.AddDays(-ResultDays);
        // Dates are compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var drafts = (await db.AssessmentDrafts.AsNoTracking().Select(d => new { d.Id, d.UpdatedAt }).ToListAsync(cancellationToken))
            .Where(d => d.UpdatedAt <= draftCutoff).Select(d => d.Id).ToList();
        foreach (var chunk in drafts.Chunk(500))
        {
            await bulk.DeleteAsync(db.AssessmentDrafts.Where(d => chunk.Contains(d.Id)), cancellationToken);
        }

        // A link revoked before its time was recorded starts its period now.
        await bulk.UpdateAsync(db.Assessments.Where(a => a.ShareRevoked && a.ShareRevokedAt == null), set => set.Set(a => a.ShareRevokedAt, now), cancellationToken);
        var ended = (await db.Assessments.AsNoTracking().Where(a => a.ShareRevoked || a.ShareExpiresAt != null)
                .Select(a => new { a.Id, a.ShareRevoked, a.ShareRevokedAt, a.ShareExpiresAt }).ToListAsync(cancellationToken))
            .Where(a => StoredAssessment.ShareEnded(a.ShareRevoked, a.ShareRevokedAt, a.ShareExpiresAt) <= resultCutoff).Select(a => a.Id).ToList();
        if (ended.Count > options.Value.BulkLimit)
        {
            return new Report(drafts.Count, 0, HeldBack: ended.Count, Pictures: await RemoveUnusedPicturesAsync(now, cancellationToken));
        }
        foreach (var chunk in ended.Chunk(500))
        {
            // Sessions, runs, self-tests and check-ins are deleted by statements of their own, plans by the
            // database's cascade from the result. BulkChanges forgets every result page: a removed
            // result leaves the history its series' other pages chart.
            await bulk.DeleteAsync(db.RoutineSessions.Where(s => s.AssessmentId != null && chunk.Contains(s.AssessmentId.Value)), cancellationToken);
            await bulk.DeleteAsync(db.RunLogs.Where(r => chunk.Contains(r.AssessmentId)), cancellationToken);
            await bulk.DeleteAsync(db.SelfTestResults.Where(t => chunk.Contains(t.AssessmentId)), cancellationToken);
            await bulk.DeleteAsync(db.OutcomeCheckIns.Where(c => chunk.Contains(c.AssessmentId)), cancellationToken);
            await bulk.DeleteAsync(db.Assessments.Where(a => chunk.Contains(a.Id)), cancellationToken);
        }
        return new Report(drafts.Count, ended.Count, Pictures: await RemoveUnusedPicturesAsync(now, cancellationToken));
    }

    /// <summary>A replaced or removed picture's file goes once no exercise (published or draft) names it.</summary>
    private async Task<int> RemoveUnusedPicturesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inUse = (await db.Exercises.AsNoTracking().Select(e => new { e.Image, e.DraftImage }).ToListAsync(cancellationToken))
            .SelectMany(e => new[] { e.Image, e.DraftImage }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return media.RemoveUnused(inUse, now);
    }
}

/// <summary>How this instance's last retention run went, for readiness: a clean-up that fails or holds back must not go unseen.</summary>
public sealed class RetentionStatus
{
    private volatile string? _problem;

    public string? Problem => _problem;

    public void Ran(Retention.Report report, int bulkLimit) => _problem = report.HeldBack > 0
        ? $"Retention held back: {report.HeldBack} results were due at once, more than Retention:BulkLimit ({bulkLimit}). "
            + "Check the server's clock; if the backlog is real, raise the limit for one run."
        : null;

    public void Failed(Exception e) => _problem = $"The last retention run failed ({e.GetType().Name}); see the log.";
}

/// <summary>Degraded (still ready) while the last retention run failed or held back.</summary>
public sealed class RetentionCheck(RetentionStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Problem is { } problem ? HealthCheckResult.Degraded(problem) : HealthCheckResult.Healthy("Retention runs."));
}

/// <summary>Runs <see cref="Retention"/> every <see cref="RetentionOptions.IntervalMinutes"/>, the first time one interval after start.</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<Retention>().RunOnceAsync(stoppingToken);
                if (report.HeldBack > 0)
                {
                    logger.LogError("Retention held back: {Due} results were due at once, more than Retention:BulkLimit ({BulkLimit}); none was removed. Check the clock",
                        report.HeldBack, options.Value.BulkLimit);
                }
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Retention removed {Drafts} drafts, {Results} results and {Pictures} unused pictures", report.Drafts, report.Results, report.Pictures);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run tries again; a failed clean-up must not stop the app (readiness shows it).
                logger.LogError(e, "Retention run failed");
            }
        }
    }
}

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.DraftDays > 0 && o.ResultDaysAfterShareEnds > 0 && o.IntervalMinutes > 0 && o.BulkLimit > 0,
                "Retention:DraftDays, ResultDaysAfterShareEnds, IntervalMinutes and BulkLimit must be above 0.")
            // Periods of up to a century: a cut-off (now minus the period) stays on the calendar.
            .Validate(o => o.DraftDays <= 36_500 && o.ResultDaysAfterShareEnds <= 36_500, "Retention:DraftDays and ResultDaysAfterShareEnds must be at most 36500 (100 years).")
            .ValidateOnStart();
        services.AddScoped<Retention>();
        services.AddSingleton<RetentionStatus>();
        services.AddHostedService<RetentionJob>();
        services.AddHealthChecks().AddCheck<RetentionCheck>("retention", HealthStatus.Degraded, [Health.HealthSetup.ReadyTag]);
        return services;
    }
}
