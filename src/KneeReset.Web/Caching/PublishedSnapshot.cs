using KneeReset.Web.Library;

namespace KneeReset.Web.Caching;

/// <summary>
/// The last published library that <see cref="RoutineLibrary.PublishedAsync"/> loaded, with its
/// stamp; its views are never changed. On SQLite (one process: <see cref="SqliteProcessLock"/>) this
/// process saves every library change, and <see cref="CacheEviction"/> forgets the snapshot after each
/// committed one, so the store's stamp need not be asked per call; with PostgreSQL another
/// instance may save, so each call asks it. A load is kept only if nothing was forgotten while it ran.
/// </summary>
public sealed class PublishedSnapshot(bool forgottenOnEverySave)
{
    /// <summary>The library's version as the store tells it; null while there is no routine at all.</summary>
    public sealed record Stamp(int Revision, int Routines, int Exercises);

    public sealed record Kept(Stamp? Stamp, IReadOnlyList<RoutineView> Routines);

    private readonly ChangeGeneration _changes = new();
    private volatile Kept? _current;

    public bool ForgottenOnEverySave => forgottenOnEverySave;

    public Kept? Current => _current;

    /// <summary>Taken before a load, and handed back to <see cref="Keep"/>.</summary>
    public long Generation => _changes.Current;

    public void Keep(Kept kept, long loadedAtGeneration) => _changes.KeepUnlessChanged(loadedAtGeneration, () => _current = kept);

    public void Forget() => _changes.Advance(() => _current = null);
}
