using System.Text.Json;
using KneeReset.Core;
using KneeReset.Core.Matching;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Core.TrainingImport;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using KneeReset.Web.Telemetry;
using KneeReset.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Assessments;

/// <summary>Evaluates answers, matches routines and stores completed assessments.</summary>
public sealed class AssessmentService(KneeResetDbContext db, ContentCatalog content, RoutineLibrary library, TimeProvider clock)
{
    /// <param name="previous">The assessment this one re-takes, to link them into one history.</param>
    /// <param name="imported">The runner's imported runs, which the training-load evidence cites and which are stored with the result.</param>
    /// <param name="evaluated">The rules' result for these answers, when the caller has already evaluated them.</param>
    public async Task<LoadedAssessment> CompleteAsync(Answers answers, string unit, CancellationToken cancellationToken,
        StoredAssessment? previous = null, TrainingSummary? imported = null, AssessmentResult? evaluated = null)
    {
        var result = evaluated ?? content.Rules.Evaluate(answers, imported);
        // One connection for the library's stamp and the save, not two: each open takes the pool's
        // lock and repeats the provider's per-open set-up, both visible in the POST's profile.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await CompleteOnOpenConnectionAsync(answers, unit, result, previous, imported, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<LoadedAssessment> CompleteOnOpenConnectionAsync(Answers answers, string unit, AssessmentResult result, StoredAssessment? previous, TrainingSummary? imported, CancellationToken cancellationToken)
    {
        var routines = await library.PublishedAsync(cancellationToken);
        var picks = RoutineMatcher.Match(result, routines.Select(r => r.Card), content.Rules.RuleSet, content.CauseName)
            .Select(m => new RoutinePick(m.Routine.Slug, m.Routine.Title, m.Routine.Targets, m.Reasons, m.NextStage?.Slug, m.NextStage?.Title))
            .ToList();
        var outcome = new AssessmentOutcome(result, picks);
        var stored = new StoredAssessment
        {
            Token = UnguessableToken.New(),
            CreatedAt = clock.GetUtcNow(),
            QuestionnaireVersion = content.Questions.Version,
            RulesVersion = result.RulesVersion,
            AnswersJson = AnswerReader.ToJson(answers, content.Questions).ToJsonString(),
            ResultJson = JsonSerializer.Serialize(outcome, ContentJson.Options),
            Triage = Vocabulary.Word(result.Triage),
            TopCause = result.TopCause,
            Unit = unit,
            ManageToken = UnguessableToken.New(),
            SeriesKey = previous?.SeriesKey ?? UnguessableToken.New(),
            Nickname = previous?.Nickname,
            ShareExpiresAt = clock.GetUtcNow() + StoredAssessment.DefaultShareLife,
            ImportedTrainingJson = imported is null ? null : ImportedTraining.ToJson(imported),
        };
        // A re-take's two saves (the link leaves the check that held it, then the new check is added
        // with it) stand or fall together: the clinician's link is never left pointing at nothing. The
        // questionnaire's finish already holds a transaction (draft and result together): join it.
        await using var transaction = previous is null || db.Database.CurrentTransaction is not null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        if (previous is not null)
        {
            await JoinSeriesAsync(stored, previous.SeriesKey, cancellationToken);
        }
        db.Assessments.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        // The questionnaire's finish commits (or rolls back a duplicate) itself and counts then.
        if (db.Database.CurrentTransaction is null)
        {
            AppMetrics.AssessmentStored(result.Triage);
        }
        // What was just stored, without reading its JSON back (the API tests compare it with a later GET).
        return new LoadedAssessment(stored, answers, outcome);
    }

    /// <summary>
    /// A re-take continues the series: it takes over the share link (token, passcode, end) from the
    /// series' newest check, the one the clinician's link opens, and carries the clinician's newest plan
    /// over, so nothing the runner or their clinician set is lost by checking again.
    /// </summary>
    private async Task JoinSeriesAsync(StoredAssessment retake, string seriesKey, CancellationToken cancellationToken)
    {
        var holder = await db.Assessments.Where(a => a.SeriesKey == seriesKey).OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return;
        }
        retake.TakeOverShareLink(holder, UnguessableToken.New());
        // The link leaves the holder first: tokens are unique, and the new check is added with it next.
        await db.SaveChangesAsync(cancellationToken);
        // Plans belong to one check each (retention removes a check with its plan), so the newest
        // plan in the series comes over as a copy.
        var newest = await db.ClinicianPlans.AsNoTracking().Where(p => p.Assessment.SeriesKey == seriesKey).OrderByDescending(p => p.AssessmentId)
            .Select(p => new { Plan = p, p.Assessment.PlanSeenJson }).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null)
        {
            db.ClinicianPlans.Add(newest.Plan.CopyFor(retake));
            // What the runner last saw of it, so a later change by the clinician still shows as a change.
            retake.PlanSeenJson = newest.PlanSeenJson;
        }
    }

    /// <summary>The assessment behind a share link; null for unknown, expired and revoked links alike.</summary>
    public async Task<LoadedAssessment?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!UnguessableToken.LooksValid(token))
        {
            return null;
        }
        var stored = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Token == token, cancellationToken);
        // Expiry is checked here, not in SQL: SQLite cannot compare DateTimeOffset values.
        return stored is not null && stored.IsOpen(clock.GetUtcNow()) ? ToRecord(stored) : null;
    }

    /// <summary>The assessment behind the runner's private manage link.</summary>
    public async Task<LoadedAssessment?> FindByManageTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!UnguessableToken.LooksValid(token))
        {
            return null;
        }
        var stored = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.ManageToken == token, cancellationToken);
        return stored is null ? null : ToRecord(stored);
    }

    /// <summary>
    /// The store id of the assessment behind the runner's private link, for linking sessions to it.
    /// Only the private link can: a share link (old, revoked or current) never attaches anything.
    /// </summary>
    public async Task<int?> FindIdByManageTokenAsync(string? manageToken, CancellationToken cancellationToken) =>
        UnguessableToken.LooksValid(manageToken)
            ? await db.Assessments.Where(a => a.ManageToken == manageToken).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken)
            : null;

    public LoadedAssessment ToRecord(StoredAssessment stored) => new(
        stored,
        AnswerReader.FromStoredJson(stored.AnswersJson, content.Questions),
        JsonSerializer.Deserialize<AssessmentOutcome>(stored.ResultJson, ContentJson.Options)!);
}
