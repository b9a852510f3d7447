using System.Text.Json;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.TrainingImport;

namespace KneeReset.Web.Training;

/// <summary>
/// A runner's imported runs as the questionnaire keeps them: the summary stored with the draft and
/// then the assessment (dates, distances, spikes; the readers never pass positions on), and its
/// figures as the four training answers.
/// </summary>
public static class ImportedTraining
{
    public static string ToJson(TrainingSummary summary) => JsonSerializer.Serialize(summary, ContentJson.Options);

    public static TrainingSummary? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<TrainingSummary>(json, ContentJson.Options);

    /// <summary>The questions the import answers, in the vocabulary's terms.</summary>
    public static IReadOnlyList<string> QuestionIds { get; } =
        ["weekly_km_now", "weekly_km_month_ago", "longest_run_km_recent", "longest_run_km_month_before"];

    /// <summary>
    /// The answers with the import's figures in place of the four training answers: in km (the
    /// questionnaire shows them in the runner's unit), to one decimal, within each question's range.
    /// </summary>
    public static Answers Prefill(Answers answers, TrainingSummary summary, QuestionBank questions)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(questions);
        var filled = answers.Copy();
        if (summary.Answers is not { } figures)
        {
            return filled;
        }
        double[] values = [figures.WeeklyKmNow, figures.WeeklyKmMonthAgo, figures.LongestRunKmRecent, figures.LongestRunKmMonthBefore];
        for (var i = 0; i < QuestionIds.Count; i++)
        {
            var question = questions.Find(QuestionIds[i]) ?? throw new InvalidOperationException($"The question bank has no '{QuestionIds[i]}'.");
            var km = Math.Round(values[i], 1, MidpointRounding.AwayFromZero);
            filled.Set(question.Id, AnswerValue.Of(Math.Clamp(km, question.Min ?? 0, question.Max ?? double.MaxValue)));
        }
        return filled;
    }
}
