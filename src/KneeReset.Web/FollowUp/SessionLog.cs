using KneeReset.Core.Recovery;
using KneeReset.Web.Data;
using KneeReset.Web.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>
/// Stores a logged session once per client key: the private player's form carries a key set when
/// the page was served (kept with a session queued offline), an app sends one as Idempotency-Key.
/// A double submit, or a replay after a reply that never arrived, finds the session stored the first
/// time instead of storing a second one. The page and the API both store through here.
/// </summary>
public sealed class SessionLog(KneeResetDbContext db, Progressions progressions, EscalationAlerts alerts)
{
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 64;

    /// <summary>A key the device made up: 16 to 64 URL-safe characters, so it is hard to guess and fits the column.</summary>
    public static bool IsKey(string? key) =>
        key is { Length: >= MinKeyLength and <= MaxKeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The session already stored under this session's key, or this one, stored now.</summary>
    /// <returns>The stored session, and whether it was stored by this call.</returns>
    public async Task<(RoutineSession Session, bool New)> StoreOnceAsync(RoutineSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.ClientKey is { } key && await FindAsync(session.AssessmentId, key, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }
        var series = session.AssessmentId is { } id ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        var before = series is null ? null : await EscalationAsync(series, cancellationToken);
        db.RoutineSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // Counted when this session is the one that makes the pain model say see a clinician.
            if (series is not null && before is null && await EscalationAsync(series, cancellationToken) is not null)
            {
                AppMetrics.EscalationStored(EscalationSource.Session);
            }
            if (series is not null)
            {
                alerts.AfterStored(series);
            }
            return (session, true);
        }
        catch (DbUpdateException) when (session.ClientKey is { } raced)
        {
            // Two posts with one key at the same moment: the unique index let the other one in first.
            db.Entry(session).State = EntityState.Detached;
            return (await FindAsync(session.AssessmentId, raced, cancellationToken) ?? throw new InvalidOperationException("A session key clashed but no session holds it."), false);
        }
    }

    private async Task<Escalation?> EscalationAsync(StoredAssessment assessment, CancellationToken cancellationToken) =>
        (await progressions.ForSeriesAsync(assessment, cancellationToken)).Escalation;

    private Task<RoutineSession?> FindAsync(int? assessmentId, string key, CancellationToken cancellationToken) =>
        db.RoutineSessions.AsNoTracking().Include(s => s.Routine)
            .FirstOrDefaultAsync(s => s.AssessmentId == assessmentId && s.ClientKey == key, cancellationToken);
}
