namespace KneeReset.Web.Data;

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
