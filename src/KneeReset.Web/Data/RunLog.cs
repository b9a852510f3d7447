using KneeReset.Core.ReturnToRun;

namespace KneeReset.Web.Data;

/// <summary>A walk-run on the return-to-running ladder, with its pain; goes with the assessment it belongs to.</summary>
public sealed class RunLog
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public StoredAssessment Assessment { get; set; } = null!;
    /// <summary>When it was saved; <see cref="DoneOn"/> is the day it counts for.</summary>
    public DateTimeOffset LoggedAt { get; set; }
    /// <summary>The day the runner did the run (today by default).</summary>
    public DateOnly DoneOn { get; set; }
    /// <summary>The ladder stage it was meant to be (content/return-to-run.json).</summary>
    public int Stage { get; set; }
    public int PainDuring { get; set; }
    /// <summary>Unknown until the runner gives it, the morning after.</summary>
    public int? PainNextMorning { get; set; }
    /// <summary>The runner's usual pain on an ordinary day, what the morning must settle back to; optional.</summary>
    public int? PainUsual { get; set; }
    /// <summary>Finished as planned, not stopped early.</summary>
    public bool Completed { get; set; }
    /// <summary>Swelling after the run; unknown until asked, read as none.</summary>
    public bool? Swelling { get; set; }
    /// <summary>
    /// A key the runner's device made for this run, so a run sent again (an offline queue replaying,
    /// a second tap) is stored once per assessment; null when none was sent.
    /// </summary>
    public string? ClientKey { get; set; }

    /// <summary>The run as the ladder reads it.</summary>
    public LoggedRun ToLoggedRun() =>
        new(Id.ToString(System.Globalization.CultureInfo.InvariantCulture), DoneOn, Stage, PainDuring, PainNextMorning, Completed, Swelling, PainUsual);
}
