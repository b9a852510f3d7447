using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// Variations are named by slug: a renamed exercise takes the names pointing at it along, each
/// pointing exercise getting a new version of its own (the editor records a revision for each).
/// </summary>
public sealed class VariationRenames(KneeResetDbContext db, TimeProvider clock)
{
    /// <summary>Points the variations naming <paramref name="exercise"/> at its new slug.</summary>
    /// <returns>The exercises changed: tracked, saved with the rename.</returns>
    public async Task<IReadOnlyList<Exercise>> FollowAsync(Exercise exercise, string newSlug, CancellationToken cancellationToken)
    {
        var oldSlug = exercise.Slug;
        if (oldSlug == newSlug)
        {
            return [];
        }
        var pointing = await db.Exercises
            .Where(e => e.Id != exercise.Id && (e.EasierSlug == oldSlug || e.HarderSlug == oldSlug)).ToListAsync(cancellationToken);
        foreach (var other in pointing)
        {
            other.EasierSlug = other.EasierSlug == oldSlug ? newSlug : other.EasierSlug;
            other.HarderSlug = other.HarderSlug == oldSlug ? newSlug : other.HarderSlug;
            other.UpdatedAt = clock.GetUtcNow();
            other.Version += 1;
        }
        return pointing;
    }
}
