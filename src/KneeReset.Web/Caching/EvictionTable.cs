using KneeReset.Web.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KneeReset.Web.Caching;

/// <summary>What a committed change forgets; several at once add up.</summary>
[Flags]
public enum Forgets
{
    Nothing = 0,

    /// <summary>The cached result pages of the changed row's series (a bulk change, whose rows are unknown: every result page).</summary>
    SeriesPages = 1,

    /// <summary>Every kept share-link state (<see cref="ShareLinkStates"/>).</summary>
    LinkStates = 2,

    /// <summary>The kept published library (<see cref="PublishedSnapshot"/>) and every page tagged library (result pages too).</summary>
    Library = 4,
}

/// <summary>
/// Which entity change forgets what: the one table <see cref="CacheEviction"/> (saves) and
/// <see cref="BulkChanges"/> (ExecuteUpdate/Delete) both follow. An entity the app stores is either
/// a row here or named in <see cref="ForgetsNothing"/> (EvictionTableTests holds every entity to that),
/// so a new entity cannot be cached and silently never forgotten.
/// </summary>
public static class EvictionTable
{
    /// <param name="OnAdd">What adding one forgets.</param>
    /// <param name="OnChange">What changing or removing one forgets.</param>
    /// <param name="Series">Where a row's series is: its own key, or the assessment it belongs to.</param>
    /// <param name="ColumnsNoCacheReads">Columns no cached page or state shows: a change to these alone forgets nothing.</param>
    public sealed record Row(Type Entity, Forgets OnAdd, Forgets OnChange, Func<object, SeriesOf>? Series, IReadOnlySet<string> ColumnsNoCacheReads);

    /// <summary>A row's series: its key, or the id of the assessment that has it.</summary>
    public readonly record struct SeriesOf(string? Key, int? AssessmentId);

    public static readonly IReadOnlyList<Row> Rows =
    [
        // A new result adds a line to the history every page of its series charts. Its link is new:
        // no state of it is kept yet. A change may be to the link (revoke, new link, expiry, passcode).
        // The passcode guess counter and the plan the runner last saw show on no cached page.
        Of<StoredAssessment>(Forgets.SeriesPages, Forgets.SeriesPages | Forgets.LinkStates, a => new(a.SeriesKey, null),
            nameof(StoredAssessment.PasscodeFailures), nameof(StoredAssessment.PasscodeLockedUntil), nameof(StoredAssessment.PlanSeenJson)),
        // Sessions and plans show on their result's page and in its series' history.
        Of<RoutineSession>(Forgets.SeriesPages, Forgets.SeriesPages, s => new(null, s.AssessmentId)),
        Of<ClinicianPlan>(Forgets.SeriesPages, Forgets.SeriesPages, p => new(null, p.AssessmentId)),
        // Runs and self-tests move the return-to-running ladder their result's pages show, as sessions do.
        Of<RunLog>(Forgets.SeriesPages, Forgets.SeriesPages, r => new(null, r.AssessmentId)),
        Of<SelfTestResult>(Forgets.SeriesPages, Forgets.SeriesPages, t => new(null, t.AssessmentId)),
        // A weekly check-in joins the weekly chart on every page of its series.
        Of<OutcomeCheckIn>(Forgets.SeriesPages, Forgets.SeriesPages, c => new(null, c.AssessmentId)),
        // The library, drafts included (a draft over a published routine lives on its row).
        Of<Routine>(Forgets.Library, Forgets.Library),
        Of<RoutineStep>(Forgets.Library, Forgets.Library),
        Of<Exercise>(Forgets.Library, Forgets.Library),
    ];

    /// <summary>Stored, but shown on no cached page and kept in no memory.</summary>
    public static readonly IReadOnlySet<Type> ForgetsNothing = new HashSet<Type>
    {
        typeof(AssessmentDraft), typeof(Revision), typeof(AuditEntry), typeof(HealthProbe), typeof(StaffUser), typeof(DataProtectionKey),
        // A clinician's follows show only to signed-in staff, whom no cached page is served to.
        typeof(RunnerFollow),
    };

    private static readonly Dictionary<Type, Row> ByEntity = Rows.ToDictionary(r => r.Entity);

    public static Row? Find(Type entity) => ByEntity.GetValueOrDefault(entity);

    /// <summary>What one tracked change forgets.</summary>
    public static Forgets For(EntityEntry entry)
    {
        if (Find(entry.Metadata.ClrType) is not { } row)
        {
            return Forgets.Nothing;
        }
        return entry.State switch
        {
            EntityState.Added => row.OnAdd,
            EntityState.Deleted => row.OnChange,
            EntityState.Modified when entry.Properties.Where(p => p.IsModified).All(p => row.ColumnsNoCacheReads.Contains(p.Metadata.Name))
                && entry.Properties.Any(p => p.IsModified) => Forgets.Nothing,
            EntityState.Modified => row.OnChange,
            _ => Forgets.Nothing,
        };
    }

    /// <summary>What a bulk update of <paramref name="columns"/>, or a bulk delete (null), of <paramref name="entity"/> rows forgets.</summary>
    public static Forgets ForBulk(Type entity, IReadOnlyCollection<string>? columns) =>
        Find(entity) is not { } row ? Forgets.Nothing
        : columns is not null && columns.All(row.ColumnsNoCacheReads.Contains) ? Forgets.Nothing
        : row.OnChange;

    private static Row Of<T>(Forgets onAdd, Forgets onChange, Func<T, SeriesOf>? series = null, params string[] columnsNoCacheReads) =>
        new(typeof(T), onAdd, onChange, series is null ? null : o => series((T)o), new HashSet<string>(columnsNoCacheReads, StringComparer.Ordinal));
}
