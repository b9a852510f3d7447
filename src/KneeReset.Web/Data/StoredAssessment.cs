namespace KneeReset.Web.Data;

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
    /// <summary>
    /// The runner chose to have their private link in the calendar feed's events; off by default,
    /// since anyone who sees the calendar could then open the private page.
    /// </summary>
    public bool CalendarShowsLink { get; set; }
}
