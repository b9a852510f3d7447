using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.Data;

public enum PublishStatus
{
    Draft,
    Published,
    Archived,
}

public sealed class Exercise
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Purpose { get; set; }
    /// <summary>mobility, strength, eccentric, activation or stretch.</summary>
    public required string Kind { get; set; }
    /// <summary>Quick store-and-release loading (hops, skips, jumps): kept from anyone whose tendon is in play (TendonSafety).</summary>
    public bool Springy { get; set; }
    public List<string> BodyAreas { get; set; } = [];
    public List<string> Equipment { get; set; } = [];
    public List<string> Instructions { get; set; } = [];
    public List<string> Cues { get; set; } = [];
    public List<string> CommonMistakes { get; set; } = [];
    public string? EasierSlug { get; set; }
    public string? HarderSlug { get; set; }
    public PublishStatus Status { get; set; } = PublishStatus.Published;
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: bumped on every save; a save with an older version is a conflict.</summary>
    public int Version { get; set; } = 1;
    /// <summary>An uploaded picture, stored outside wwwroot and served by /media/{name}.</summary>
    public string? Image { get; set; }
    /// <summary>A draft saved over the published exercise (file format): runners keep the published one until it is published.</summary>
    public string? DraftJson { get; set; }
    /// <summary>A picture uploaded with that draft; it replaces <see cref="Image"/> when the draft is published.</summary>
    public string? DraftImage { get; set; }
}

public sealed class Routine
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string WhenToDo { get; set; }
    /// <summary>post_run_reset, warm_up, recovery, strengthen, prevent or gentle_range.</summary>
    public required string Phase { get; set; }
    public List<string> Causes { get; set; } = [];
    public List<string> Findings { get; set; } = [];
    public required string Difficulty { get; set; }
    /// <summary>Range-of-motion work safe while waiting to see a clinician.</summary>
    public bool Gentle { get; set; }
    public string? PainRule { get; set; }
    public PublishStatus Status { get; set; } = PublishStatus.Published;
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: bumped on every save; a save with an older version is a conflict.</summary>
    public int Version { get; set; } = 1;
    public List<RoutineStep> Steps { get; set; } = [];
    /// <summary>A draft saved over the published routine (file format): runners keep the published one until it is published.</summary>
    public string? DraftJson { get; set; }
}

public sealed class RoutineStep
{
    public int Id { get; set; }
    public int RoutineId { get; set; }
    public int Position { get; set; }
    public int ExerciseId { get; set; }
    public Exercise Exercise { get; set; } = null!;
    public int Sets { get; set; } = 1;
    public int? Reps { get; set; }
    public int? HoldSeconds { get; set; }
    public int RestSeconds { get; set; }
    public bool PerSide { get; set; }
    /// <summary>For example "3-4 s lowering".</summary>
    public string? Tempo { get; set; }
    public string? Note { get; set; }
}

/// <summary>A completed self-assessment: what was asked, what was answered, what the rules made of it.</summary>
public sealed partial class StoredAssessment
{
    public int Id { get; set; }
    /// <summary>The share token in the result URL: 128+ random bits, URL-safe.</summary>
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string QuestionnaireVersion { get; set; }
    public required string RulesVersion { get; set; }
    /// <summary>The answers in the vocabulary's JSON shape, distances in km.</summary>
    public required string AnswersJson { get; set; }
    /// <summary>The computed result (causes, evidence, triage, findings, matched routines) as JSON.</summary>
    public required string ResultJson { get; set; }
    public required string Triage { get; set; }
    public string? TopCause { get; set; }
    /// <summary>The distance unit the runner chose, for showing figures back to them.</summary>
    public string Unit { get; set; } = "km";

    /// <summary>The runner's private link (/m/{token}): manage sharing, re-take, delete. Never shared.</summary>
    public required string ManageToken { get; set; }
    /// <summary>When the share link stops working; null means never.</summary>
    public DateTimeOffset? ShareExpiresAt { get; set; }
    public bool ShareRevoked { get; set; }
    /// <summary>When the share link was revoked: the retention period runs from here.</summary>
    public DateTimeOffset? ShareRevokedAt { get; set; }
    /// <summary>An optional passcode the share link asks for (hashed).</summary>
    public string? PasscodeHash { get; set; }
    /// <summary>Wrong passcodes in a row; at the limit the result takes no guesses until <see cref="PasscodeLockedUntil"/>.</summary>
    public int PasscodeFailures { get; set; }
    public DateTimeOffset? PasscodeLockedUntil { get; set; }
    /// <summary>An optional nickname; no name or email is ever needed.</summary>
    public string? Nickname { get; set; }
    /// <summary>Links re-takes into one history: the first assessment's key, copied to each follow-up.</summary>
    public required string SeriesKey { get; set; }
    /// <summary>The plan as the runner last saw it, to show what changed since.</summary>
    public string? PlanSeenJson { get; set; }
    /// <summary>What the runner's own training files showed (dates, distances, spikes; never positions), when they added any.</summary>
    public string? ImportedTrainingJson { get; set; }
}

/// <summary>A clinician's note and plan for a runner's assessment.</summary>
public sealed class ClinicianPlan
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public StoredAssessment Assessment { get; set; } = null!;
    public required string Clinician { get; set; }
    public string? Note { get; set; }
    public string? Avoid { get; set; }
    public DateOnly? ReviewDate { get; set; }
    /// <summary>The chosen routines with adjusted dosage: a JSON list of <c>PlanItem</c>.</summary>
    public string ItemsJson { get; set; } = "[]";
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

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

/// <summary>A studio staff member: Admin, Editor or Clinician.</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A saved state of a routine or exercise, in the content file format, for history, compare and restore.</summary>
public sealed class Revision
{
    public int Id { get; set; }
    /// <summary>"routine" or "exercise".</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public int Version { get; set; }
    public required string Snapshot { get; set; }
    public required string Summary { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string By { get; set; }
}

/// <summary>Who changed what, and when.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? Details { get; set; }
}
