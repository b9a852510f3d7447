using System.Collections.Concurrent;
using KneeReset.Web.Data;

namespace KneeReset.Web.Caching;

/// <summary>What the result page's cache needs to know about a share link before it may answer.</summary>
public sealed record ShareLinkState(string SeriesKey, bool Protected, bool Revoked, DateTimeOffset? ExpiresAt)
{
    /// <summary>The assessment's own rule, on the kept copy of its columns.</summary>
    public bool IsOpen(DateTimeOffset now) => StoredAssessment.IsOpen(Revoked, ExpiresAt, now);
}

/// <summary>
/// Share links' states kept in memory, so a cached result page is answered without a query.
/// Only where every change to a link is saved by this process (SQLite, which <see cref="SqliteProcessLock"/> keeps to one process);
/// with PostgreSQL another instance may change a link, so each visit asks the store.
/// A committed change to any assessment's link forgets them all (<see cref="CacheEviction"/>, <see cref="EvictionTable"/>).
/// A state read from the store is kept only if nothing was forgotten while it was being read:
/// a read that began before a revoke's commit can never be kept after it.
/// </summary>
public sealed class ShareLinkStates(bool enabled)
{
    /// <summary>Enough for every link in use at once; past it the memory starts again rather than grow.</summary>
    public const int Capacity = 10_000;

    private readonly ChangeGeneration _changes = new();
    private ConcurrentDictionary<string, ShareLinkState> _states = new(StringComparer.Ordinal);

    public bool Enabled => enabled;

    /// <summary>Taken before reading a state from the store, and handed back to <see cref="Remember"/>.</summary>
    public long Generation => _changes.Current;

    public bool TryGet(string token, out ShareLinkState? state)
    {
        state = null;
        return enabled && _states.TryGetValue(token, out state);
    }

    public void Remember(string token, ShareLinkState state, long readAtGeneration)
    {
        if (!enabled)
        {
            return;
        }
        _changes.KeepUnlessChanged(readAtGeneration, () =>
        {
            if (_states.Count >= Capacity)
            {
                _states = new(StringComparer.Ordinal);
            }
            _states[token] = state;
        });
    }

    public void ForgetAll() => _changes.Advance(() => _states = new(StringComparer.Ordinal));
}
