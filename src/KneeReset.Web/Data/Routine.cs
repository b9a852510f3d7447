namespace KneeReset.Web.Data;

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
