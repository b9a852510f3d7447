using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// The kind of every exercise by slug, for checking a routine's steps. In a request, the stored
/// ones, read once by <see cref="LoadAsync"/> before validation (which runs synchronously, and a
/// request never queries the store synchronously); for an import, the kinds the library will have.
/// </summary>
public sealed class ExerciseKinds
{
    private readonly KneeResetDbContext? db;
    private IReadOnlyDictionary<string, string>? kinds;

    public ExerciseKinds(KneeResetDbContext db) => this.db = db;

    private ExerciseKinds(IReadOnlyDictionary<string, string> known) => kinds = known;

    public static ExerciseKinds From(IReadOnlyDictionary<string, string> kindOf) => new(kindOf);

    /// <summary>Reads the stored kinds, once: the routine form's binder and <see cref="LibraryChecks"/> call it before validating.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken) =>
        kinds ??= await db!.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Kind, StringComparer.Ordinal, cancellationToken);

    /// <summary>The exercise's kind; null when there is no such exercise.</summary>
    public string? Of(string? slug) =>
        (kinds ?? throw new InvalidOperationException("The exercise kinds are read before a routine is validated (ExerciseKinds.LoadAsync)."))
        .TryGetValue(slug ?? "", out var kind) ? kind : null;
}
