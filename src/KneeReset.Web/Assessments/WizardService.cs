using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Core.TrainingImport;
using KneeReset.Web.Caching;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Telemetry;
using KneeReset.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Assessments;

/// <summary>
/// The questionnaire in progress: drafts kept server-side, skip logic, and which step
/// comes next. Steps are asked only when relevant: their ShowIf holds for the answers so
/// far, and once those answers call for urgent care the optional steps are skipped.
/// </summary>
public sealed class WizardService(KneeResetDbContext db, ContentCatalog content, AssessmentService assessments, BulkChanges bulk, TimeProvider clock)
{
    /// <summary>The step where a runner can add their training files.</summary>
    public const string TrainingStepId = "training";

    public QuestionBank Questions => content.Questions;

    /// <param name="previous">When re-taking: the last result, whose answers fill the new draft.</param>
    public async Task<AssessmentDraft> StartAsync(CancellationToken cancellationToken, LoadedAssessment? previous = null)
    {
        var draft = new AssessmentDraft { Id = UnguessableToken.New(), UpdatedAt = clock.GetUtcNow() };
        if (previous is not null)
        {
            draft.AnswersJson = previous.Stored.AnswersJson;
            draft.Unit = previous.Unit;
            draft.PreviousAssessmentId = previous.Stored.Id;
        }
        db.AssessmentDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public async Task<AssessmentDraft?> FindAsync(string id, CancellationToken cancellationToken) =>
        UnguessableToken.LooksValid(id) ? await db.AssessmentDrafts.FindAsync([id], cancellationToken) : null;

    public Answers AnswersOf(AssessmentDraft draft) => AnswerReader.FromStoredJson(draft.AnswersJson, Questions);

    public async Task SaveAsync(AssessmentDraft draft, Answers answers, string unit, CancellationToken cancellationToken)
    {
        draft.AnswersJson = AnswerReader.ToJson(answers, Questions).ToJsonString();
        draft.Unit = unit;
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public static TrainingSummary? ImportedOf(AssessmentDraft draft) => ImportedTraining.FromJson(draft.ImportedTrainingJson);

    /// <summary>Keeps the runner's imported runs with the draft and their figures as the training answers.</summary>
    public async Task SaveImportAsync(AssessmentDraft draft, Answers answers, string unit, TrainingSummary imported, CancellationToken cancellationToken)
    {
        draft.ImportedTrainingJson = ImportedTraining.ToJson(imported);
        await SaveAsync(draft, ImportedTraining.Prefill(answers, imported, Questions), unit, cancellationToken);
    }

    /// <summary>Forgets the imported runs; the answers they filled in stay, to edit or clear.</summary>
    public async Task RemoveImportAsync(AssessmentDraft draft, Answers answers, string unit, CancellationToken cancellationToken)
    {
        draft.ImportedTrainingJson = null;
        await SaveAsync(draft, answers, unit, cancellationToken);
    }

    public IReadOnlyList<TriageReason> UrgentReasons(Answers answers) =>
        content.Rules.Evaluate(answers).TriageReasons.Where(r => r.Level == Triage.Urgent).ToList();

    /// <summary>The steps to ask for these answers, in order.</summary>
    public IReadOnlyList<QuestionStep> ActiveSteps(Answers answers)
    {
        var urgent = content.Rules.Evaluate(answers).Triage == Triage.Urgent;
        return Questions.Steps
            .Where(s => (s.ShowIf is null || s.ShowIf.Holds(id => answers[id])) && !(urgent && s.SkipWhenUrgent))
            .ToList();
    }

    /// <summary>The questions of a step that apply to these answers.</summary>
    public static IReadOnlyList<Question> ActiveQuestions(QuestionStep step, Answers answers) =>
        step.Questions.Where(q => q.ShowIf is null || q.ShowIf.Holds(id => answers[id])).ToList();

    /// <summary>Drops answers to steps that no longer apply, so skipped questions stay unknown.</summary>
    public Answers WithoutSkipped(Answers answers)
    {
        var asked = ActiveSteps(answers).SelectMany(s => ActiveQuestions(s, answers)).Select(q => q.Id).ToHashSet();
        var kept = answers.Copy();
        foreach (var id in answers.Values.Keys.Where(id => !asked.Contains(id)).ToList())
        {
            kept.Remove(id);
        }
        return kept;
    }

    /// <summary>The private page's token of the result a finished draft became; null while unfinished or once that result is gone.</summary>
    public async Task<string?> ResultOfAsync(AssessmentDraft draft, CancellationToken cancellationToken) =>
        draft.FinishedAssessmentId is { } id
            ? await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => a.ManageToken).FirstOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>
    /// Completes the draft in one transaction: stores the assessment and marks the draft finished
    /// with it (its answers cleared). A second submit of the same draft, one after the other or at
    /// the same time, gets the same result: the later one's insert is rolled back. Returns the
    /// result's private token; null when the draft was finished and that result is gone.
    /// </summary>
    public async Task<string?> FinishAsync(AssessmentDraft draft, CancellationToken cancellationToken)
    {
        if (draft.FinishedAssessmentId is not null)
        {
            return await ResultOfAsync(draft, cancellationToken);
        }
        var previous = draft.PreviousAssessmentId is { } id ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        var answers = AnswersOf(draft);
        // Runs added on a training step that was then skipped (an urgent answer) go the way of its answers.
        var imported = ActiveSteps(answers).Any(s => s.Id == TrainingStepId) ? ImportedOf(draft) : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await assessments.CompleteAsync(WithoutSkipped(answers), draft.Unit, cancellationToken, previous, imported);
        // Only the first finish claims the draft; a concurrent one waits for its commit, then matches nothing.
        var claimed = await bulk.UpdateAsync(db.AssessmentDrafts.Where(d => d.Id == draft.Id && d.FinishedAssessmentId == null), set => set
            .Set(d => d.FinishedAssessmentId, record.Stored.Id)
            .Set(d => d.AnswersJson, "{}")
            .Set(d => d.ImportedTrainingJson, (string?)null)
            .Set(d => d.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await db.AssessmentDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draft.Id, cancellationToken);
            return winner is null ? null : await ResultOfAsync(winner, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        AppMetrics.AssessmentStored(record.Outcome.Result.Triage);
        return record.Stored.ManageToken;
    }
}
