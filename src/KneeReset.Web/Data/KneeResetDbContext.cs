using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Data;

/// <summary>
/// The store. Provider-neutral on purpose: no SQLite-only column types or SQL, so a second
/// provider (PostgreSQL) needs only its own migrations set.
/// </summary>
public sealed class KneeResetDbContext(DbContextOptions<KneeResetDbContext> options) : DbContext(options)
{
    public DbSet<Exercise> Exercises => Set<Exercise>();
    public DbSet<Routine> Routines => Set<Routine>();
    public DbSet<RoutineStep> RoutineSteps => Set<RoutineStep>();
    public DbSet<StoredAssessment> Assessments => Set<StoredAssessment>();
    public DbSet<AssessmentDraft> AssessmentDrafts => Set<AssessmentDraft>();
    public DbSet<RoutineSession> RoutineSessions => Set<RoutineSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Exercise>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Routine>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Title).HasMaxLength(120);
            e.Property(x => x.Phase).HasMaxLength(30);
            e.Property(x => x.Difficulty).HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.RoutineId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RoutineStep>(e =>
        {
            e.HasIndex(x => new { x.RoutineId, x.Position });
            e.HasOne(x => x.Exercise).WithMany().HasForeignKey(x => x.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<StoredAssessment>(e =>
        {
            e.ToTable("Assessments");
            e.HasIndex(x => x.Token).IsUnique();
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.Triage).HasMaxLength(20);
            e.Property(x => x.TopCause).HasMaxLength(30);
            e.Property(x => x.Unit).HasMaxLength(5);
        });
        modelBuilder.Entity<RoutineSession>(e =>
        {
            e.HasIndex(x => x.Token).IsUnique();
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.Feeling).HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasOne(x => x.Routine).WithMany().HasForeignKey(x => x.RoutineId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AssessmentDraft>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Unit).HasMaxLength(5);
        });
    }
}
