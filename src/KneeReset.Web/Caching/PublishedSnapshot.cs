namespace KneeReset.Web.Caching;

/// <summary>
/// The last published library that the library's reader loaded, with its stamp; its views are never
/// changed. On SQLite (one process: <see cref="SqliteProcessLock"/>) this process saves every library
/// change, and <see cref="CacheEviction"/> forgets the snapshot after each committed one, so the
/// store's stamp need not be asked per call; with PostgreSQL another instance may save, so each call
/// asks it. A load is kept only if nothing was forgotten while it ran. What it keeps is the
/// library's business (<see cref="PublishedSnapshot{TView}"/>); when it is forgotten is this slice's.
/// </summary>
public abstract class PublishedSnapshot(bool forgottenOnEverySave)
{
    /// <summary>The library's version as the store tells it; null while there is no routine at all.</summary>
    public sealed record Stamp(int Revision, int Routines, int Exercises);

    private readonly ChangeGeneration _changes = new();

    public bool ForgottenOnEverySave => forgottenOnEverySave;

    /// <summary>Taken before a load, and handed back with what was loaded.</summary>
    public long Generation => _changes.Current;

    public void Forget() => _changes.Advance(Clear);

    protected void KeepUnlessChanged(long loadedAtGeneration, Action keep) => _changes.KeepUnlessChanged(loadedAtGeneration, keep);

    protected abstract void Clear();
}

/// <summary>The snapshot of published <typeparamref name="TView"/>s (registered by the library: <see cref="CachingSetup.AddPublishedSnapshot{TView}"/>).</summary>
public sealed class PublishedSnapshot<TView>(bool forgottenOnEverySave) : PublishedSnapshot(forgottenOnEverySave)
{
    public sealed record Kept(Stamp? Stamp, IReadOnlyList<TView> Views);

    private volatile Kept? _current;

    public Kept? Current => _current;

    public void Keep(Kept kept, long loadedAtGeneration) => KeepUnlessChanged(loadedAtGeneration, () => _current = kept);

    protected override void Clear() => _current = null;
}
