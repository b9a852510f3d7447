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
    /// <returns>The stored session; whether it was stored by this call; and, when it was and belongs to a series, where the series' recovery stands now.</returns>
    public async Task<(RoutineSession Session, bool New, RecoveryState? Recovery)> StoreOnceAsync(RoutineSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.ClientKey is { } key && await FindAsync(session.AssessmentId, key, cancellationToken) is { } earlier)
        {
            return (earlier, false, null);
        }
        var series = session.AssessmentId is { } id ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        db.RoutineSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (session.ClientKey is { } raced)
        {
            // Two posts with one key at the same moment: the unique index let the other one in first.
            db.Entry(session).State = EntityState.Detached;
            return (await FindAsync(session.AssessmentId, raced, cancellationToken) ?? throw new InvalidOperationException("A session key clashed but no session holds it."), false, null);
        }
        var recovery = series is null ? null : await CountEscalationAsync(series, s => s.Id == session.Token ? null : s, cancellationToken);
        return (session, true, recovery);
    }

    /// <summary>
    /// The next morning's pain for a stored session (tracked by this request's store), from the
    /// private page or the API alike.
    /// </summary>
    /// <returns>Where the series' recovery stands now; null for a session outside any series (the public player).</returns>
    public async Task<RecoveryState?> AddMorningAsync(RoutineSession session, StoredAssessment? series, int painNextMorning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var was = session.PainNextMorning;
        session.PainNextMorning = painNextMorning;
        await db.SaveChangesAsync(cancellationToken);
        return series is null ? null : await CountEscalationAsync(series, s => s.Id == session.Token ? s with { NextMorning = was } : s, cancellationToken);
    }

    /// <summary>
    /// Counted when this change (a session, or a morning's answer) is the one that makes the pain
    /// model say see a clinician; the state after it is read once and handed back to the caller.
    /// The clinicians following the series hear of any escalation (<see cref="EscalationAlerts"/>).
    /// </summary>
    private async Task<RecoveryState> CountEscalationAsync(StoredAssessment series, Func<LoggedSession, LoggedSession?> asBefore, CancellationToken cancellationToken)
    {
        var (before, after) = await progressions.AroundChangeAsync(series, asBefore, cancellationToken);
        if (before.Escalation is null && after.Escalation is not null)
        {
            AppMetrics.EscalationStored(EscalationSource.Session);
        }
        alerts.AfterStored(series);
        return after;
    }

    private Task<RoutineSession?> FindAsync(int? assessmentId, string key, CancellationToken cancellationToken) =>
        db.RoutineSessions.AsNoTracking().Include(s => s.Routine)
            .FirstOrDefaultAsync(s => s.AssessmentId == assessmentId && s.ClientKey == key, cancellationToken);
}
