using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Data;

/// <summary>
/// The store, and its SQLite migrations (Data/Migrations). Provider-neutral on purpose: no
/// SQLite-only column types or SQL, so PostgreSQL shares this one model through
/// <see cref="PostgresKneeResetDbContext"/>, which only gives it a migrations set of its own.
/// No state and no injected services, so instances are pooled (AddDbContextPool).
/// </summary>
public class KneeResetDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    public KneeResetDbContext(DbContextOptions<KneeResetDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's subclass, whose options name its own type.</summary>
    protected KneeResetDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Exercise> Exercises => Set<Exercise>();
    public DbSet<Routine> Routines => Set<Routine>();
    public DbSet<RoutineStep> RoutineSteps => Set<RoutineStep>();
    public DbSet<StoredAssessment> Assessments => Set<StoredAssessment>();
    public DbSet<AssessmentDraft> AssessmentDrafts => Set<AssessmentDraft>();
    public DbSet<RoutineSession> RoutineSessions => Set<RoutineSession>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<ClinicianPlan> ClinicianPlans => Set<ClinicianPlan>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<HealthProbe> HealthProbes => Set<HealthProbe>();
    /// <summary>Data Protection keys (cookies, antiforgery, set-password links), shared by every instance; encrypted with the configured certificate.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Exercise>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Image).HasMaxLength(80);
            e.Property(x => x.DraftImage).HasMaxLength(80);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        });
        builder.Entity<Routine>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Title).HasMaxLength(120);
            e.Property(x => x.Phase).HasMaxLength(30);
            e.Property(x => x.Difficulty).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.RoutineId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RoutineStep>(e =>
        {
            e.HasIndex(x => new { x.RoutineId, x.Position });
            e.HasOne(x => x.Exercise).WithMany().HasForeignKey(x => x.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<StoredAssessment>(e =>
        {
            e.ToTable("Assessments");
            e.HasIndex(x => x.Token).IsUnique();
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.Triage).HasMaxLength(20);
            e.Property(x => x.TopCause).HasMaxLength(30);
            e.Property(x => x.Unit).HasMaxLength(5);
            e.HasIndex(x => x.ManageToken).IsUnique();
            e.Property(x => x.ManageToken).HasMaxLength(64);
            e.HasIndex(x => x.SeriesKey);
            e.Property(x => x.SeriesKey).HasMaxLength(64);
            e.Property(x => x.Nickname).HasMaxLength(40);
        });
        builder.Entity<ClinicianPlan>(e =>
        {
            e.HasIndex(x => x.AssessmentId).IsUnique();
            e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Clinician).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.Avoid).HasMaxLength(2000);
        });
        builder.Entity<RoutineSession>(e =>
        {
            e.HasIndex(x => x.Token).IsUnique();
            e.Property(x => x.Token).HasMaxLength(64);
            // One session per key and result: a replayed post never stores twice (FollowUp/SessionLog).
            e.HasIndex(x => new { x.AssessmentId, x.ClientKey }).IsUnique();
            e.Property(x => x.ClientKey).HasMaxLength(64);
            e.Property(x => x.Feeling).HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasOne(x => x.Routine).WithMany().HasForeignKey(x => x.RoutineId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Revision>(e =>
        {
            e.HasIndex(x => new { x.EntityType, x.EntityId, x.Version });
            e.Property(x => x.EntityType).HasMaxLength(20);
            e.Property(x => x.Summary).HasMaxLength(200);
            e.Property(x => x.By).HasMaxLength(256);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.At);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(60);
            e.Property(x => x.Target).HasMaxLength(200);
            e.Property(x => x.Details).HasMaxLength(2000);
        });
        builder.Entity<HealthProbe>(e => e.Property(x => x.Id).ValueGeneratedNever());
        builder.Entity<AssessmentDraft>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Unit).HasMaxLength(5);
        });
    }
}
