namespace KneeReset.Web.Caching;

/// <summary>
/// Guards something kept in memory against a change that commits while it is being read: take
/// <see cref="Current"/> before reading from the store, and keep what was read only through
/// <see cref="KeepUnlessChanged"/>; a change forgets through <see cref="Advance"/>. Both run under one
/// lock, so a read that began before a change's commit can never be kept after it.
/// </summary>
public sealed class ChangeGeneration
{
    private readonly Lock _lock = new();
    private long _generation;

    public long Current => Interlocked.Read(ref _generation);

    /// <summary>Runs <paramref name="keep"/> only if nothing changed since <paramref name="readAt"/>.</summary>
    public void KeepUnlessChanged(long readAt, Action keep)
    {
        lock (_lock)
        {
            if (_generation == readAt)
            {
                keep();
            }
        }
    }

    public void Advance(Action forget)
    {
        lock (_lock)
        {
            _generation++;
            forget();
        }
    }
}
