using System.Text.Json;
using KneeReset.Core;
using KneeReset.Core.Recovery;
using KneeReset.Core.ReturnToRun;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>What the ladder says to do next, in words; closed, it says what opens it or to see a clinician.</summary>
public sealed record RunAdvice(LadderAction Action, string Reason, Escalation? Escalation);

/// <summary>Where a runner's series stands on the return-to-running ladder.</summary>
/// <param name="Open">Every entry criterion holds: the runner may run the ladder's stages.</param>
/// <param name="Missing">The criteria still missing, in words; empty when open.</param>
/// <param name="Stage">The stage to run next while open; null while closed.</param>
/// <param name="Ladder">The ladder's own reading of the runs and self-tests (progress per stage, each run's outcome).</param>
/// <param name="Runs">The series' runs, oldest first.</param>
public sealed record LadderState(bool Open, IReadOnlyList<string> Missing, int? Stage, RunAdvice Advice, LadderAdvice Ladder, IReadOnlyList<RunLog> Runs)
{
    /// <summary>A run may be logged for the open stage or one below it (a runner may always step back), never above.</summary>
    public bool Accepts(int stage) => Open && Stage is { } open && stage >= 1 && stage <= open;

    /// <summary>The latest run, while its next-morning pain is still to come.</summary>
    public RunLog? AwaitingMorning => Runs.Count > 0 && Runs[^1].PainNextMorning is null ? Runs[^1] : null;
}

public enum RunStored
{
    Stored,
    /// <summary>The client key was seen before: the run stored then is answered, nothing new is stored.</summary>
    Replayed,
    StageNotOpen,
    /// <summary>Dated before the self-tests that opened the ladder: stored, it would close it again.</summary>
    BeforeSelfTests,
}

/// <summary>
/// The return-to-running ladder (content/return-to-run.json, <see cref="LadderMonitor"/>) over a
/// runner's series: whether it is open (self-care answers, no escalation, comfortable sessions over
/// a week before the first run, self-tests passed), and storing runs and self-tests. The private
/// page, the clinician's view and the API all read it through here.
/// </summary>
public sealed class Ladders(KneeResetDbContext db, ContentCatalog content, Progressions progressions, EscalationAlerts alerts, TimeProvider clock)
{
    public RunLadder Ladder => content.Ladder.Ladder;

    /// <param name="recovery">The pain model's state over the series, when the caller has it already.</param>
    /// <param name="adding">A run not yet stored, read as if it were (to see what storing it would do).</param>
    public async Task<LadderState> ForSeriesAsync(StoredAssessment assessment, RecoveryState? recovery, CancellationToken cancellationToken, RunLog? adding = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var series = db.Assessments.Where(a => a.SeriesKey == assessment.SeriesKey);
        var runs = await db.RunLogs.AsNoTracking().Where(r => series.Any(a => a.Id == r.AssessmentId)).OrderBy(r => r.DoneOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        if (adding is not null)
        {
            runs = [.. runs.Append(adding).OrderBy(r => r.DoneOn)];
        }
        var tests = await db.SelfTestResults.AsNoTracking().Where(t => series.Any(a => a.Id == t.AssessmentId)).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        // The newest check's answers decide the triage, as the fresh start does: one series, one reading.
        var latestResult = await series.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.ResultJson).FirstAsync(cancellationToken);
        var selfCare = JsonSerializer.Deserialize<AssessmentOutcome>(latestResult, ContentJson.Options)!.Result.OffersSelfCare;
        var freshStart = DateOnly.FromDateTime((await progressions.FreshStartAsync(assessment, cancellationToken)).UtcDateTime);
        recovery ??= await progressions.ForSeriesAsync(assessment, cancellationToken);
        var ladder = content.Ladder.Assess([.. runs.Select(r => r.ToLoggedRun())], [.. tests.Select(t => t.ToLoggedSelfTest())], Progressions.Today(clock), freshStart);
        return Decide(selfCare, recovery, ladder, runs);
    }

    /// <summary>Open or closed, with what is missing: the issue's entry criteria, most serious first.</summary>
    public static LadderState Decide(bool selfCare, RecoveryState recovery, LadderAdvice ladder, IReadOnlyList<RunLog> runs)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(runs);
        var missing = new List<string>();
        if (!selfCare)
        {
            missing.Add("Your latest check's answers point to a clinician rather than self-care: have the knee looked at before running again.");
        }
        if (recovery.Escalation is { } sessions)
        {
            missing.Add($"Your routine sessions say see a clinician: {sessions.Reason}");
        }
        if (ladder.Escalation is { } ran)
        {
            missing.Add($"Your runs say see a clinician: {ran.Reason}");
        }
        // Comfortable sessions open the ladder; once running, the runs themselves steer it.
        if (runs.Count == 0 && recovery.Advice?.Action != PainAction.Progress)
        {
            missing.Add(recovery.Advice is { } now
                ? $"Routine sessions comfortable over at least a week: not yet. {now.Reason}"
                : "Routine sessions comfortable over at least a week: none logged yet.");
        }
        missing.AddRange(ladder.Missing);
        var escalation = recovery.Escalation ?? ladder.Escalation;
        var advice = escalation is not null || !selfCare
            ? new RunAdvice(LadderAction.SeeClinician, escalation?.Reason ?? missing[0], escalation)
            : missing.Count > 0 ? new RunAdvice(LadderAction.NotReady, $"The ladder opens once these are done: {string.Join(" ", missing)}", null)
            : new RunAdvice(ladder.Action, ladder.Reason, null);
        var open = missing.Count == 0;
        return new LadderState(open, missing, open ? ladder.Stage : null, advice, ladder, runs);
    }

    /// <summary>Why a run or self-test can't be dated this day, or null: not in the future, not long ago, as sessions.</summary>
    public string? DateProblem(DateOnly on) => content.Pain.DateProblem(on, Progressions.LatestToday(clock));

    /// <summary>Stores a run once per client key, refusing a stage that isn't open.</summary>
    public async Task<(RunStored Outcome, RunLog? Run, LadderState State)> LogRunAsync(StoredAssessment assessment, RunLog run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.ClientKey is { } key && await FindByKeyAsync(run.AssessmentId, key, cancellationToken) is { } earlier)
        {
            return (RunStored.Replayed, earlier, await ForSeriesAsync(assessment, null, cancellationToken));
        }
        var before = await ForSeriesAsync(assessment, null, cancellationToken);
        if (!before.Accepts(run.Stage))
        {
            return (RunStored.StageNotOpen, null, before);
        }
        // The self-tests count for the days before the first run: a run dated earlier would become
        // the first and leave them untaken.
        if ((await ForSeriesAsync(assessment, null, cancellationToken, adding: run)).Ladder.Missing.Count > 0)
        {
            return (RunStored.BeforeSelfTests, null, before);
        }
        run.LoggedAt = clock.GetUtcNow();
        db.RunLogs.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (run.ClientKey is { } raced)
        {
            // Two posts with one key at the same moment: the unique index let the other one in first.
            db.Entry(run).State = EntityState.Detached;
            var stored = await FindByKeyAsync(run.AssessmentId, raced, cancellationToken) ?? throw new InvalidOperationException("A run key clashed but no run holds it.");
            return (RunStored.Replayed, stored, await ForSeriesAsync(assessment, null, cancellationToken));
        }
        var after = await ForSeriesAsync(assessment, null, cancellationToken);
        // Counted when this run is the one that makes the ladder say see a clinician.
        if (before.Ladder.Escalation is null && after.Ladder.Escalation is not null)
        {
            AppMetrics.EscalationStored(EscalationSource.Run);
        }
        alerts.AfterStored(assessment);
        return (RunStored.Stored, run, after);
    }

    /// <summary>The next morning: pain and swelling for a run of the series.</summary>
    /// <returns>Where the ladder stands now; null when the series has no such run.</returns>
    public async Task<LadderState?> AddMorningAsync(StoredAssessment assessment, int runId, int painNextMorning, bool? swelling, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var series = db.Assessments.Where(a => a.SeriesKey == assessment.SeriesKey);
        var run = await db.RunLogs.FirstOrDefaultAsync(r => r.Id == runId && series.Any(a => a.Id == r.AssessmentId), cancellationToken);
        if (run is null)
        {
            return null;
        }
        var before = await ForSeriesAsync(assessment, null, cancellationToken);
        run.PainNextMorning = painNextMorning;
        run.Swelling = swelling ?? run.Swelling;
        await db.SaveChangesAsync(cancellationToken);
        var after = await ForSeriesAsync(assessment, null, cancellationToken);
        // Counted when this morning (swelling, say) is the one that makes the ladder say see a clinician.
        if (before.Ladder.Escalation is null && after.Ladder.Escalation is not null)
        {
            AppMetrics.EscalationStored(EscalationSource.Run);
        }
        alerts.AfterStored(assessment);
        return after;
    }

    public bool IsSelfTest(string? id) => Ladder.Entry.SelfTests.Any(t => t.Id == id);

    /// <summary>Stores one go at a self-test, once per client key as runs are: a double submit stores one row.</summary>
    /// <returns>The stored self-test, and whether this call stored it (false: the key was seen before).</returns>
    public async Task<(SelfTestResult Result, bool New)> LogSelfTestAsync(StoredAssessment assessment, SelfTestResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(result);
        if (result.ClientKey is { } key && await FindSelfTestByKeyAsync(assessment.Id, key, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }
        result.AssessmentId = assessment.Id;
        db.SelfTestResults.Add(result);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (result, true);
        }
        catch (DbUpdateException) when (result.ClientKey is { } raced)
        {
            // Two posts with one key at the same moment: the unique index let the other one in first.
            db.Entry(result).State = EntityState.Detached;
            return (await FindSelfTestByKeyAsync(assessment.Id, raced, cancellationToken) ?? throw new InvalidOperationException("A self-test key clashed but no self-test holds it."), false);
        }
    }

    private Task<SelfTestResult?> FindSelfTestByKeyAsync(int assessmentId, string key, CancellationToken cancellationToken) =>
        db.SelfTestResults.AsNoTracking().FirstOrDefaultAsync(t => t.AssessmentId == assessmentId && t.ClientKey == key, cancellationToken);

    private Task<RunLog?> FindByKeyAsync(int assessmentId, string key, CancellationToken cancellationToken) =>
        db.RunLogs.AsNoTracking().FirstOrDefaultAsync(r => r.AssessmentId == assessmentId && r.ClientKey == key, cancellationToken);
}
