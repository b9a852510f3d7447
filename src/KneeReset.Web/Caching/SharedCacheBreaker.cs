using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Caching;

/// <summary>
/// The output cache in Redis, made safe to lose. The cache only saves work, so when Redis fails a
/// read is a miss, a write is skipped and an eviction is remembered, never an error for the
/// request (an eviction runs after a change is committed: failing it would fail a request whose
/// change is saved). After a failure the breaker opens: for <see cref="OpenFor"/> nothing asks
/// Redis, so pages answer at once instead of waiting on its timeouts; then one request tries it
/// again. Before that request or any after it reads from Redis, the evictions Redis missed are
/// replayed, so a page cached before the outage never outlives a change made during it; an instance
/// that has not reached Redis since it started (restarted in the outage, its missed evictions lost
/// with the old process) evicts everything instead. The start of an outage is logged once, as an
/// error; its end once, as a warning.
/// </summary>
/// <param name="server">Where Redis is, for the log (its exceptions leave it out with the keys).</param>
public sealed class SharedCacheBreaker(IOutputCacheStore redis, string server, IReadOnlyList<string> everythingTags, TimeProvider clock, ILogger<SharedCacheBreaker> logger)
    : IOutputCacheStore, IOutputCacheBufferStore, IDisposable
{
    /// <summary>How long Redis is left alone after a failure before one request tries it again.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(30);

    /// <summary>More missed evictions than this (a long outage, many saves) become one of everything.</summary>
    public const int MaxMissedTags = EvictionBacklog.MaxTags;

    private const string ProbeKey = "breaker-probe";

    private readonly Lock _gate = new();
    private readonly EvictionBacklog _missed = new(everythingTags);
    private volatile bool _open;
    private volatile bool _reached;
    private DateTimeOffset _openUntil;
    private DateTimeOffset _outageStarted;
    private bool _probing;

    /// <summary>Evictions Redis has missed and will get when it answers again.</summary>
    public int MissedEvictions
    {
        get
        {
            lock (_gate)
            {
                return _missed.Count;
            }
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(ct => redis.GetAsync(key, ct), null, cancellationToken);

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken) =>
        redis is IOutputCacheBufferStore buffers
            ? await CallAsync(ct => buffers.TryGetAsync(key, destination, ct), false, cancellationToken)
            : await GetAsync(key, cancellationToken) is { } value && await WriteAsync(destination, value, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        SetAsync(key, new ReadOnlySequence<byte>(value), tags.AsMemory(), validFor, cancellationToken);

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await CallAsync(async ct =>
        {
            await (redis is IOutputCacheBufferStore buffers
                ? buffers.SetAsync(key, value, tags, validFor, ct)
                : redis.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, ct));
            return true;
        }, false, cancellationToken);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!await EnterAsync())
        {
            Missed([tag], everything: false);
            return;
        }
        try
        {
            // Not the caller's token: the change is committed, and a request that went away must
            // not leave its page behind. Redis's own timeouts bound the wait.
            await redis.EvictByTagAsync(tag, CancellationToken.None);
            _reached = true;
        }
        catch (Exception e)
        {
            Missed([tag], everything: false);
            Failed(e);
        }
    }

    /// <summary>
    /// For readiness: true when Redis answers. While the breaker is open this asks Redis only when
    /// a request would (and may so end the outage on an instance no request reaches).
    /// </summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken) =>
        await CallAsync(async ct =>
        {
            await redis.GetAsync(ProbeKey, ct);
            return true;
        }, false, cancellationToken);

    public void Dispose() => (redis as IDisposable)?.Dispose();

    /// <summary>One call to Redis when the breaker lets it through; when it fails, the breaker opens and the caller gets <paramref name="fallback"/>.</summary>
    private async ValueTask<T> CallAsync<T>(Func<CancellationToken, ValueTask<T>> call, T fallback, CancellationToken cancellationToken)
    {
        if (!await EnterAsync())
        {
            return fallback;
        }
        try
        {
            var answer = await call(cancellationToken);
            _reached = true;
            return answer;
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            Failed(e);
            return fallback;
        }
    }

    /// <summary>
    /// Whether this call may use Redis. The first call after <see cref="OpenFor"/> asks Redis for a
    /// key nobody stores and replays the missed evictions; only then is the breaker closed.
    /// </summary>
    private ValueTask<bool> EnterAsync() => _open ? EnterOpenAsync() : ValueTask.FromResult(true);

    private async ValueTask<bool> EnterOpenAsync()
    {
        lock (_gate)
        {
            if (!_open)
            {
                return true;
            }
            if (_probing || clock.GetUtcNow() < _openUntil)
            {
                return false;
            }
            _probing = true;
        }
        try
        {
            await redis.GetAsync(ProbeKey, CancellationToken.None);
            var replayed = 0;
            while (TakeMissed() is { } missed)
            {
                try
                {
                    foreach (var tag in missed.Tags)
                    {
                        await redis.EvictByTagAsync(tag, CancellationToken.None);
                    }
                    replayed += missed.Tags.Length;
                }
                catch
                {
                    Missed(missed.Tags, missed.Everything);
                    throw;
                }
            }
            _reached = true;
            logger.LogWarning("Redis ({Server}) answers again after {Seconds:0} s: the shared output cache is back in use ({Replayed} missed evictions replayed)",
                server, (clock.GetUtcNow() - _outageStarted).TotalSeconds, replayed);
            return true;
        }
        catch (Exception e)
        {
            Failed(e);
            return false;
        }
        finally
        {
            lock (_gate)
            {
                _probing = false;
            }
        }
    }

    /// <summary>The evictions still to replay, or null after closing the breaker (under the lock, so none is missed in between).</summary>
    private (string[] Tags, bool Everything)? TakeMissed()
    {
        lock (_gate)
        {
            if (_missed.IsEmpty)
            {
                _open = false;
                return null;
            }
            return _missed.TakeAll();
        }
    }

    private void Missed(IReadOnlyCollection<string> tags, bool everything)
    {
        lock (_gate)
        {
            _missed.Add(tags, everything);
        }
    }

    private void Failed(Exception e)
    {
        bool started;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            started = !_open;
            if (started)
            {
                _outageStarted = now;
            }
            if (!_reached)
            {
                // What a previous process missed is unknown: all of it, once Redis answers.
                _missed.Add([], everything: true);
            }
            _openUntil = now + OpenFor;
            _open = true;
        }
        if (started)
        {
            logger.LogError(e, "Redis ({Server}) does not answer: pages are served without the shared output cache, and Redis is tried again every {Seconds:0} s; missed evictions are replayed when it answers",
                server, OpenFor.TotalSeconds);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(e, "Redis ({Server}) still does not answer", server);
        }
    }

    // The caller giving up is not Redis failing.
    private static bool IsFailure(Exception e, CancellationToken cancellationToken) =>
        e is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private static async ValueTask<bool> WriteAsync(PipeWriter destination, byte[] value, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(value, cancellationToken);
        return true;
    }
}
