namespace KneeReset.Web.Data;

/// <summary>A routine a runner followed, with how it felt; linked to the assessment it was started from.</summary>
public sealed class RoutineSession
{
    public int Id { get; set; }
    /// <summary>The address of the saved-session page: random, so one runner's pain log is not another's to read.</summary>
    public required string Token { get; set; }
    public int RoutineId { get; set; }
    public Routine Routine { get; set; } = null!;
    public int? AssessmentId { get; set; }
    public StoredAssessment? Assessment { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    /// <summary>The day the runner did the session (today by default, up to two weeks back); null on sessions logged before it was asked, read as the day they were saved.</summary>
    public DateOnly? DoneOn { get; set; }
    public int PainDuring { get; set; }
    public int? PainNextMorning { get; set; }
    /// <summary>The runner's usual pain on an ordinary day: what next-morning pain must settle back to. Unknown for sessions logged before it was asked.</summary>
    public int? PainUsual { get; set; }

    /// <summary>The day the session counts for in the pain model.</summary>
    public DateOnly Day => DoneOn ?? DateOnly.FromDateTime(CompletedAt.UtcDateTime);
    /// <summary>easy, about_right or too_hard.</summary>
    public required string Feeling { get; set; }
    public string? Note { get; set; }
    /// <summary>
    /// The key the runner's device (or an app, as Idempotency-Key) sent with the session: a replay
    /// after a lost reply, or a double submit, finds this session instead of storing a second one.
    /// </summary>
    public string? ClientKey { get; set; }
}
