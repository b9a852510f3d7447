using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// The kind of every exercise by slug, for checking a routine's steps. In a request, the stored
/// ones, read once when first asked (validation runs synchronously, before the handler); for an
/// import, the kinds the library will have.
/// </summary>
public sealed class ExerciseKinds
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> kinds;

    public ExerciseKinds(KneeResetDbContext db) =>
        kinds = new(() => db.Exercises.AsNoTracking().ToDictionary(e => e.Slug, e => e.Kind, StringComparer.Ordinal));

    private ExerciseKinds(IReadOnlyDictionary<string, string> known) => kinds = new(known);

    public static ExerciseKinds From(IReadOnlyDictionary<string, string> kindOf) => new(kindOf);

    /// <summary>The exercise's kind; null when there is no such exercise.</summary>
    public string? Of(string? slug) => slug is not null && kinds.Value.TryGetValue(slug, out var kind) ? kind : null;
}
