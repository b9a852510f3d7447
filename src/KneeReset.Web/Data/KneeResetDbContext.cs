using KneeReset.Web.Data.EntityConfigurations;
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
    /// <summary>Walk-runs on the return-to-running ladder, and the self-tests that open it.</summary>
    public DbSet<RunLog> RunLogs => Set<RunLog>();
    public DbSet<SelfTestResult> SelfTestResults => Set<SelfTestResult>();
    /// <summary>Weekly check-ins: worst pain and the PSFS.</summary>
    public DbSet<OutcomeCheckIn> OutcomeCheckIns => Set<OutcomeCheckIn>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<ClinicianPlan> ClinicianPlans => Set<ClinicianPlan>();
    /// <summary>Clinicians' "My runners": shared results they follow.</summary>
    public DbSet<RunnerFollow> RunnerFollows => Set<RunnerFollow>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<HealthProbe> HealthProbes => Set<HealthProbe>();
    /// <summary>Data Protection keys (cookies, antiforgery, set-password links), shared by every instance; encrypted with the configured certificate.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // One configuration class per entity (EntityConfigurations/), listed here rather than found by
        // an assembly scan, so this list is the model.
        builder.ApplyConfiguration(new ExerciseConfiguration());
        builder.ApplyConfiguration(new RoutineConfiguration());
        builder.ApplyConfiguration(new RoutineStepConfiguration());
        builder.ApplyConfiguration(new StoredAssessmentConfiguration());
        builder.ApplyConfiguration(new ClinicianPlanConfiguration());
        builder.ApplyConfiguration(new RunnerFollowConfiguration());
        builder.ApplyConfiguration(new RoutineSessionConfiguration());
        builder.ApplyConfiguration(new RunLogConfiguration());
        builder.ApplyConfiguration(new SelfTestResultConfiguration());
        builder.ApplyConfiguration(new OutcomeCheckInConfiguration());
        builder.ApplyConfiguration(new RevisionConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new HealthProbeConfiguration());
        builder.ApplyConfiguration(new AssessmentDraftConfiguration());
    }
}
