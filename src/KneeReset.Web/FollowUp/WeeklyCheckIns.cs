using KneeReset.Core.Outcomes;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>A series' weekly check-ins as the pages, the API and the FHIR export read them.</summary>
/// <param name="CheckIns">Oldest week first.</param>
/// <param name="Due">This week has no check-in yet.</param>
/// <param name="LastActivities">The latest week's PSFS activities: the form starts from them so the weeks compare.</param>
public sealed record CheckInState(IReadOnlyList<WeeklyCheckIn> CheckIns, IsoWeek ThisWeek, bool Due, OutcomeTrend Trend, IReadOnlyList<PsfsActivity> LastActivities)
{
    public WeeklyCheckIn? ThisWeeksCheckIn => CheckIns.FirstOrDefault(c => c.Week == ThisWeek);
}

public enum CheckInStored
{
    Stored,
    /// <summary>The series had a check-in for this week already: it now holds the new answers.</summary>
    Replaced,
}

/// <summary>
/// Weekly check-ins over a runner's series (content/outcome-measures.json, <see cref="WeeklyOutcomes"/>):
/// one per ISO week, a second in the same week replacing the first, stored with the assessment whose
/// private page took it.
/// </summary>
public sealed class WeeklyCheckIns(KneeResetDbContext db, ContentCatalog content, EscalationAlerts alerts, TimeProvider clock)
{
    public OutcomeMeasures Measures => content.Outcomes;

    public async Task<CheckInState> ForSeriesAsync(StoredAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var rows = await SeriesRows(assessment).AsNoTracking().ToListAsync(cancellationToken);
        var checkIns = rows.Select(r => r.ToCheckIn()).OrderBy(c => c.Week).ToList();
        var today = Progressions.Today(clock);
        return new CheckInState(checkIns, IsoWeek.Of(today), WeeklyOutcomes.IsDue(checkIns, today),
            WeeklyOutcomes.Trend(checkIns, Measures), checkIns.LastOrDefault(c => c.Activities.Count > 0)?.Activities ?? []);
    }

    /// <summary>Stores this week's check-in, replacing one the series already has for this week.</summary>
    public async Task<CheckInStored> SaveAsync(StoredAssessment assessment, int worstPain, IReadOnlyList<PsfsActivity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var week = IsoWeek.Of(Progressions.Today(clock)).ToString();
        var earlier = await SeriesRows(assessment).FirstOrDefaultAsync(c => c.Week == week, cancellationToken);
        var row = earlier ?? db.OutcomeCheckIns.Add(new OutcomeCheckIn { AssessmentId = assessment.Id, Week = week }).Entity;
        row.WorstPain = worstPain;
        row.Activities = [.. activities.Select(a => a with { Name = a.Name.Trim() })];
        row.SavedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (earlier is null)
        {
            // Two saves of one week at the same moment: the unique index let the other in first; this one replaces it.
            db.Entry(row).State = EntityState.Detached;
            await SaveAsync(assessment, worstPain, activities, cancellationToken);
            return CheckInStored.Replaced;
        }
        alerts.AfterStored(assessment);
        return earlier is null ? CheckInStored.Stored : CheckInStored.Replaced;
    }

    /// <summary>What is wrong with these answers, as (field, message) pairs; none when they can be stored.</summary>
    public IEnumerable<(string Field, string Message)> Problems(int? worstPain, IReadOnlyList<(string? Name, int? Score)> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var psfs = Measures.Psfs;
        if (worstPain is not { } pain || pain is < 0 or > 10)
        {
            yield return ("WorstPain", "Choose your worst knee pain this week, 0 to 10.");
        }
        var named = activities.Where(a => !string.IsNullOrWhiteSpace(a.Name) || a.Score is not null).ToList();
        if (named.Count > psfs.MaxActivities)
        {
            yield return ("Activities", $"Name at most {psfs.MaxActivities} activities.");
        }
        for (var i = 0; i < activities.Count; i++)
        {
            var (name, score) = activities[i];
            if (string.IsNullOrWhiteSpace(name) && score is null)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return ($"Activities[{i}].Name", $"Activity {i + 1}: say what the activity is, or clear its rating.");
            }
            else if (name.Trim().Length > psfs.NameMaxLength)
            {
                yield return ($"Activities[{i}].Name", $"Activity {i + 1}: keep the name under {psfs.NameMaxLength} characters.");
            }
            if (score is not { } s || s is < 0 or > 10)
            {
                yield return ($"Activities[{i}].Score", $"Activity {i + 1}: rate it from 0 (can't do it) to 10 (as before).");
            }
        }
        if (named.Where(a => !string.IsNullOrWhiteSpace(a.Name)).GroupBy(a => a.Name!.Trim().ToUpperInvariant()).Any(g => g.Count() > 1))
        {
            yield return ("Activities", "Name each activity once.");
        }
    }

    private IQueryable<OutcomeCheckIn> SeriesRows(StoredAssessment assessment) =>
        db.OutcomeCheckIns.Where(c => db.Assessments.Any(a => a.Id == c.AssessmentId && a.SeriesKey == assessment.SeriesKey));
}
