namespace KneeReset.Web.Data;

/// <summary>A questionnaire in progress; kept server-side so the wizard works without JavaScript.</summary>
public sealed class AssessmentDraft
{
    public required string Id { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public string Unit { get; set; } = "km";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when re-taking: the result this draft follows up, to join their history.</summary>
    public int? PreviousAssessmentId { get; set; }
    /// <summary>The runner's imported runs, summarised (dates, distances, spikes; never positions), until the draft is finished.</summary>
    public string? ImportedTrainingJson { get; set; }
    /// <summary>
    /// Set when finished: the result this draft became. Its answers are cleared then, and its
    /// addresses (Back from the result, a second submit) lead to that result, not "Page not found".
    /// </summary>
    public int? FinishedAssessmentId { get; set; }
}
