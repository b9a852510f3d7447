namespace KneeReset.Web.Caching;

/// <summary>
/// The evictions Redis missed while it did not answer, replayed when it answers again. Past
/// <see cref="MaxTags"/> tags (a long outage, many saves) they become one eviction of everything.
/// Not thread-safe: <see cref="SharedCacheBreaker"/> uses it under its own lock, so closing the
/// breaker and taking the last missed eviction happen together.
/// </summary>
internal sealed class EvictionBacklog(IReadOnlyList<string> everythingTags)
{
    public const int MaxTags = 100;

    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private bool _everything;

    public int Count => _everything ? everythingTags.Count : _tags.Count;

    public bool IsEmpty => _tags.Count == 0 && !_everything;

    public void Add(IReadOnlyCollection<string> tags, bool everything)
    {
        if (_everything)
        {
            return;
        }
        _tags.UnionWith(tags);
        if (everything || _tags.Count > MaxTags)
        {
            _tags.Clear();
            _everything = true;
        }
    }

    public (string[] Tags, bool Everything) TakeAll()
    {
        (string[] Tags, bool Everything) missed = (_everything ? [.. everythingTags] : [.. _tags], _everything);
        _tags.Clear();
        _everything = false;
        return missed;
    }
}
