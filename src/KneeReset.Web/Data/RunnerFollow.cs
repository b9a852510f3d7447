using System.Security.Cryptography;
using System.Text;

namespace KneeReset.Web.Data;

/// <summary>
/// A clinician follows a runner's shared result ("My runners"). Held against the assessment the
/// link opened and a fingerprint of the link as it was then (its token and passcode, hashed), never
/// the token itself: the follow holds only while the link the clinician was given still opens. A
/// revoke or an expiry hides it at once; a new link or a new passcode ends it for good.
/// </summary>
public sealed class RunnerFollow
{
    public int Id { get; set; }
    /// <summary>The clinician's sign-in name (their email), as plans and the audit log name them.</summary>
    public required string Clinician { get; set; }
    public int AssessmentId { get; set; }
    public StoredAssessment Assessment { get; set; } = null!;
    /// <summary>SHA-256 of the share token and passcode hash when followed (<see cref="FingerprintOf"/>).</summary>
    public required string LinkFingerprint { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
    /// <summary>The escalations already emailed about, as "rule@since" keys, so none is emailed twice.</summary>
    public string? EmailedEscalations { get; set; }

    /// <summary>
    /// Whether <paramref name="assessment"/> holds the link this follow was made from, and it opens
    /// at <paramref name="now"/>: the sharing rule itself (<see cref="StoredAssessment.IsOpen(DateTimeOffset)"/>), nothing of its own.
    /// </summary>
    public bool OpensThrough(StoredAssessment assessment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return FingerprintOf(assessment) == LinkFingerprint && assessment.IsOpen(now);
    }

    /// <summary>
    /// The link as it stands: a re-take carries token and passcode over to the newer check
    /// (<see cref="StoredAssessment.TakeOverShareLink"/>), so the fingerprint follows it there.
    /// </summary>
    public static string FingerprintOf(StoredAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{assessment.Token}\n{assessment.PasscodeHash}")));
    }

    public bool Emailed(string escalationKey) => (EmailedEscalations ?? "").Split(' ').Contains(escalationKey);

    public void MarkEmailed(string escalationKey) =>
        EmailedEscalations = string.Join(' ', (EmailedEscalations ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(escalationKey).Distinct().TakeLast(20));
}
