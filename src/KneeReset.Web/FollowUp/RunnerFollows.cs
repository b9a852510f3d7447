using System.Text.Json;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>
/// A clinician's "My runners": following a shared result, the list, removing one. Whether a follow
/// still shows is decided on every read by the share link itself (<see cref="RunnerFollow.OpensThrough"/>):
/// a revoked, expired or replaced link drops off at once and its row links nowhere.
/// </summary>
public sealed class RunnerFollows(KneeResetDbContext db, Progressions progressions, Ladders ladders, ContentCatalog content, TimeProvider clock, ILogger<RunnerFollows> logger)
{
    public Task<bool> IsFollowingAsync(string clinician, StoredAssessment assessment, CancellationToken cancellationToken)
    {
        var fingerprint = RunnerFollow.FingerprintOf(assessment);
        return db.RunnerFollows.AnyAsync(f => f.Clinician == clinician && f.LinkFingerprint == fingerprint, cancellationToken);
    }

    /// <summary>
    /// Follows the result behind an open share link, saving with whatever else the request tracks (its
    /// audit entry); the caller asks <see cref="IsFollowingAsync"/> first, and a double post that races
    /// past that check meets the unique index.
    /// </summary>
    /// <returns>Whether the clinician follows it now: false when the store could not save it.</returns>
    public async Task<bool> FollowAsync(string clinician, StoredAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var follow = db.RunnerFollows.Add(new RunnerFollow
        {
            Clinician = clinician,
            AssessmentId = assessment.Id,
            LinkFingerprint = RunnerFollow.FingerprintOf(assessment),
            FollowedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e)
        {
            follow.State = EntityState.Detached;
            // A double click: the unique index let the other post in first, which is what was asked.
            if (await IsFollowingAsync(clinician, assessment, cancellationToken))
            {
                return true;
            }
            // Any other failed write (the disk, the server) is said to the clinician, not passed off as done.
            logger.LogWarning("A follow was not saved: {Failure}", e.InnerException?.GetType().Name ?? e.GetType().Name);
            return false;
        }
    }

    /// <summary>Removes one of this clinician's follows; false when they have none with that id.</summary>
    public async Task<bool> UnfollowAsync(string clinician, int followId, CancellationToken cancellationToken)
    {
        // Through SaveChanges, not a bulk delete: every change passes the caches' one eviction path.
        if (await db.RunnerFollows.FirstOrDefaultAsync(f => f.Id == followId && f.Clinician == clinician, cancellationToken) is not { } follow)
        {
            return false;
        }
        db.RunnerFollows.Remove(follow);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>This clinician's runners whose link still opens, newest activity first.</summary>
    public async Task<IReadOnlyList<RunnerRow>> ListAsync(string clinician, CancellationToken cancellationToken)
    {
        var rows = new List<RunnerRow>();
        foreach (var (follow, holder, series) in await OpenAsync(db.RunnerFollows.Where(f => f.Clinician == clinician), cancellationToken))
        {
            rows.Add(await RowAsync(follow, holder, series, cancellationToken));
        }
        return [.. rows.OrderByDescending(r => r.LastActivity)];
    }

    /// <summary>
    /// The follows whose link still opens, each with the check that holds the link now (a re-take
    /// takes it over) and the series' checks, oldest first. Shared with the escalation emails.
    /// </summary>
    public async Task<IReadOnlyList<(RunnerFollow Follow, StoredAssessment Holder, IReadOnlyList<StoredAssessment> Series)>> OpenAsync(IQueryable<RunnerFollow> follows, CancellationToken cancellationToken)
    {
        var found = await follows.Select(f => new { Follow = f, f.Assessment.SeriesKey }).ToListAsync(cancellationToken);
        var keys = found.Select(f => f.SeriesKey).Distinct().ToList();
        var checks = (await db.Assessments.AsNoTracking().Where(a => keys.Contains(a.SeriesKey)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .ToLookup(a => a.SeriesKey);
        var now = clock.GetUtcNow();
        return [.. found
            .Select(f => (f.Follow, Holder: checks[f.SeriesKey].FirstOrDefault(a => f.Follow.OpensThrough(a, now)), Series: (IReadOnlyList<StoredAssessment>)[.. checks[f.SeriesKey]]))
            .Where(f => f.Holder is not null)
            .Select(f => (f.Follow, f.Holder!, f.Series))];
    }

    private async Task<RunnerRow> RowAsync(RunnerFollow follow, StoredAssessment holder, IReadOnlyList<StoredAssessment> series, CancellationToken cancellationToken)
    {
        var latest = series[^1];
        var result = JsonSerializer.Deserialize<AssessmentOutcome>(latest.ResultJson, ContentJson.Options)!.Result;
        var recovery = await progressions.ForSeriesAsync(latest, cancellationToken);
        var running = await ladders.ForSeriesAsync(latest, recovery, cancellationToken);
        var ids = series.Select(a => a.Id).ToList();
        var sessions = await db.RoutineSessions.AsNoTracking().Where(s => s.AssessmentId != null && ids.Contains(s.AssessmentId.Value))
            .OrderByDescending(s => s.Id).Take(1).Select(s => new { s.CompletedAt, s.PainDuring, s.PainNextMorning }).ToListAsync(cancellationToken);
        var savedWeeks = await db.OutcomeCheckIns.AsNoTracking().Where(c => ids.Contains(c.AssessmentId))
            .Select(c => new { c.SavedAt, c.WorstPain }).ToListAsync(cancellationToken);
        var worstAtCheck = AnswerReader.FromStoredJson(latest.AnswersJson, content.Questions).Number("worst_pain");
        var run = running.Runs.Count > 0 ? running.Runs[^1] : null;
        var week = savedWeeks.OrderBy(c => c.SavedAt.UtcTicks).LastOrDefault();
        LatestPain?[] pains =
        [
            worstAtCheck is { } w ? new((int)w, "worst, at the check", latest.CreatedAt) : null,
            sessions is [var s] ? s.PainNextMorning is { } m ? new(m, "the morning after a session", s.CompletedAt) : new(s.PainDuring, "during a session", s.CompletedAt) : null,
            run is null ? null : run.PainNextMorning is { } rm ? new(rm, "the morning after a run", run.LoggedAt) : new(run.PainDuring, "during a run", run.LoggedAt),
            week is null ? null : new(week.WorstPain, "worst this week (check-in)", week.SavedAt),
        ];
        var pain = pains.OfType<LatestPain>().OrderBy(p => p.At.UtcTicks).LastOrDefault();
        return new RunnerRow(follow.Id, holder.Nickname ?? latest.Nickname ?? $"Runner added {follow.FollowedAt:d MMM yyyy}", $"/r/{holder.Token}",
            latest.CreatedAt, result.Triage, result.HowSoon, pain, recovery.Advice, recovery.Escalation ?? running.Ladder.Escalation,
            pain is { } p && p.At > latest.CreatedAt ? p.At : latest.CreatedAt);
    }
}
