using KneeReset.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
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
}

/// <summary>
/// Removes abandoned drafts, and results whose share link ended (expired or revoked) longer ago
/// than the configured period, with their sessions and plans. Nothing else is ever removed
/// without the runner asking.
/// </summary>
public sealed class Retention(KneeResetDbContext db, IOptions<RetentionOptions> options, TimeProvider clock, IOutputCacheStore cache, ShareLinkStates links)
{
    public sealed record Report(int Drafts, int Results);

    /// <summary>Until when this result is kept; null while its share link has no end.</summary>
    public DateTimeOffset? KeptUntil(StoredAssessment a) => KeptUntil(a.ShareRevoked, a.ShareRevokedAt, a.ShareExpiresAt);

    public int ResultDays => options.Value.ResultDaysAfterShareEnds;

    private DateTimeOffset? KeptUntil(bool revoked, DateTimeOffset? revokedAt, DateTimeOffset? expiresAt) =>
        (revoked ? revokedAt : expiresAt)?.AddDays(options.Value.ResultDaysAfterShareEnds);

    public async Task<Report> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Dates are compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var drafts = (await db.AssessmentDrafts.AsNoTracking().Select(d => new { d.Id, d.UpdatedAt }).ToListAsync(cancellationToken))
            .Where(d => d.UpdatedAt.AddDays(options.Value.DraftDays) <= now).Select(d => d.Id).ToList();
        foreach (var chunk in drafts.Chunk(500))
        {
            await db.AssessmentDrafts.Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        // A link revoked before its time was recorded starts its period now.
        await db.Assessments.Where(a => a.ShareRevoked && a.ShareRevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ShareRevokedAt, now), cancellationToken);
        var ended = (await db.Assessments.AsNoTracking().Where(a => a.ShareRevoked || a.ShareExpiresAt != null)
                .Select(a => new { a.Id, a.ShareRevoked, a.ShareRevokedAt, a.ShareExpiresAt }).ToListAsync(cancellationToken))
            .Where(a => KeptUntil(a.ShareRevoked, a.ShareRevokedAt, a.ShareExpiresAt) <= now).Select(a => a.Id).ToList();
        foreach (var chunk in ended.Chunk(500))
        {
            // Sessions and plans go with their result (cascading foreign keys).
            await db.RoutineSessions.Where(s => s.AssessmentId != null && chunk.Contains(s.AssessmentId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.Assessments.Where(a => chunk.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        if (ended.Count > 0)
        {
            // A removed result leaves the history on the other results of its series.
            await cache.EvictByTagAsync(ResultPageCache.AllTag, cancellationToken);
            links.ForgetAll();
        }
        return new Report(drafts.Count, ended.Count);
    }
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
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Retention removed {Drafts} drafts and {Results} results", report.Drafts, report.Results);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run tries again; a failed clean-up must not stop the app.
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
            .Validate(o => o.DraftDays > 0 && o.ResultDaysAfterShareEnds > 0 && o.IntervalMinutes > 0, "Retention:DraftDays, ResultDaysAfterShareEnds and IntervalMinutes must be above 0.")
            .ValidateOnStart();
        services.AddScoped<Retention>();
        services.AddHostedService<RetentionJob>();
        return services;
    }
}
