using KneeReset.Core.ReturnToRun;

namespace KneeReset.Web.Data;

/// <summary>One go at a return-to-running entry self-test; goes with the assessment it belongs to.</summary>
public sealed class SelfTestResult
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public StoredAssessment Assessment { get; set; } = null!;
    /// <summary>The day the runner did it.</summary>
    public DateOnly DoneOn { get; set; }
    /// <summary>The self-test's id in content/return-to-run.json.</summary>
    public required string Test { get; set; }
    public bool Passed { get; set; }
    /// <summary>Pain during it, 0-10.</summary>
    public int Pain { get; set; }
    /// <summary>
    /// A key the private page's form carried (or an app's Idempotency-Key), so a double submit stores
    /// one self-test per assessment, as runs do; null when none was sent.
    /// </summary>
    public string? ClientKey { get; set; }

    /// <summary>The result as the ladder reads it.</summary>
    public LoggedSelfTest ToLoggedSelfTest() => new(Test, DoneOn, Passed, Pain);
}
