using KneeReset.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// The breaker in front of Redis (issue 22, finding 6), against a store that fails on demand: a
/// failing Redis costs the cache, never a request, is left alone for a while, is logged once per
/// outage, and gets every eviction it missed before anything is read from it again.
/// </summary>
public class SharedCacheBreakerTests
{
    private static readonly string[] Everything = ["library", "result-pages"];

    private readonly FlakyRedis _redis = new();
    private readonly ShiftedClock _clock = new();
    private readonly CollectingLogger _log = new();

    private SharedCacheBreaker Breaker() => new(_redis, "redis:6379", Everything, _clock, _log);

    [Fact]
    public async Task While_Redis_fails_a_read_misses_a_write_is_skipped_and_an_eviction_does_not_throw()
    {
        var breaker = Breaker();
        await breaker.SetAsync("page", [1, 2, 3], ["library"], TimeSpan.FromMinutes(1), default);
        _redis.Down = true;

        Assert.Null(await breaker.GetAsync("page", default));
        await breaker.SetAsync("other", [4], ["library"], TimeSpan.FromMinutes(1), default);
        await breaker.EvictByTagAsync("library", default);

        Assert.False(_redis.Entries.ContainsKey("other"));
    }

    [Fact]
    public async Task After_a_failure_Redis_is_left_alone_until_the_breaker_tries_again()
    {
        var breaker = Breaker();
        _redis.Down = true;
        await breaker.GetAsync("page", default);
        var calls = _redis.Calls;

        for (var i = 0; i < 50; i++)
        {
            await breaker.GetAsync("page", default);
            await breaker.SetAsync("page", [1], ["library"], TimeSpan.FromMinutes(1), default);
            await breaker.EvictByTagAsync($"result-series:{i}", default);
        }
        Assert.Equal(calls, _redis.Calls);

        _clock.Advance(SharedCacheBreaker.OpenFor);
        await breaker.GetAsync("page", default);
        Assert.Equal(calls + 1, _redis.Calls); // one probe, which fails: left alone again
        await breaker.GetAsync("page", default);
        Assert.Equal(calls + 1, _redis.Calls);
    }

    [Fact]
    public async Task Evictions_missed_in_an_outage_reach_Redis_before_anything_is_read_from_it_again()
    {
        var breaker = Breaker();
        await breaker.SetAsync("routines", [1], ["library"], TimeSpan.FromMinutes(10), default);
        await breaker.SetAsync("result", [2], ["result-series:abc", "library"], TimeSpan.FromMinutes(1), default);
        await breaker.SetAsync("untouched", [3], ["result-series:xyz"], TimeSpan.FromMinutes(1), default);
        _redis.Down = true;
        await breaker.EvictByTagAsync("result-series:abc", default);
        _redis.Down = false;

        // Still open: the eviction waits, and so does every read.
        await breaker.EvictByTagAsync("library", default);
        Assert.Null(await breaker.GetAsync("untouched", default));
        Assert.Equal(2, breaker.MissedEvictions);
        Assert.True(_redis.Entries.ContainsKey("routines"));

        _clock.Advance(SharedCacheBreaker.OpenFor);

        Assert.Null(await breaker.GetAsync("result", default));
        Assert.Null(await breaker.GetAsync("routines", default));
        Assert.Equal(new byte[] { 3 }, await breaker.GetAsync("untouched", default));
        Assert.Equal(new[] { "library", "result-series:abc" }, _redis.Evicted.Order(StringComparer.Ordinal));
        Assert.Equal(0, breaker.MissedEvictions);
    }

    [Fact]
    public async Task An_instance_that_has_not_reached_Redis_since_it_started_evicts_everything_once_it_does()
    {
        // Restarted in an outage: the evictions the old process missed went with it.
        var breaker = Breaker();
        _redis.Down = true;
        Assert.Null(await breaker.GetAsync("page", default));
        _redis.Down = false;
        _clock.Advance(SharedCacheBreaker.OpenFor);

        await breaker.GetAsync("page", default);

        Assert.Equal(Everything, _redis.Evicted);
    }

    [Fact]
    public async Task A_long_outage_s_missed_evictions_become_one_eviction_of_everything()
    {
        var breaker = Breaker();
        _redis.Down = true;
        for (var i = 0; i <= SharedCacheBreaker.MaxMissedTags + 50; i++)
        {
            await breaker.EvictByTagAsync($"result-series:{i}", default);
        }
        Assert.Equal(Everything.Length, breaker.MissedEvictions);
        _redis.Down = false;
        _clock.Advance(SharedCacheBreaker.OpenFor);

        await breaker.GetAsync("page", default);

        Assert.Equal(Everything, _redis.Evicted);
    }

    [Fact]
    public async Task An_outage_is_logged_once_as_an_error_and_its_end_once()
    {
        var breaker = Breaker();
        await breaker.GetAsync("page", default);
        _redis.Down = true;
        for (var minute = 0; minute < 5; minute++)
        {
            for (var i = 0; i < 20; i++)
            {
                await breaker.GetAsync("page", default);
                await breaker.EvictByTagAsync("library", default);
            }
            _clock.Advance(SharedCacheBreaker.OpenFor);
        }
        _redis.Down = false;
        await breaker.GetAsync("page", default);
        await breaker.GetAsync("page", default);

        Assert.Equal(new[] { LogLevel.Error, LogLevel.Warning }, _log.Levels);
        Assert.StartsWith("Redis (redis:6379) does not answer", _log.Messages[0], StringComparison.Ordinal);
        Assert.Contains("1 missed evictions replayed", _log.Messages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_goes_away_does_not_open_the_breaker()
    {
        var breaker = Breaker();
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await breaker.GetAsync("page", gone.Token));
        await breaker.GetAsync("page", default);

        Assert.Equal(2, _redis.Calls);
        Assert.Empty(_log.Levels);
    }

    [Fact]
    public async Task An_eviction_after_a_commit_is_not_skipped_because_its_request_went_away()
    {
        var breaker = Breaker();
        await breaker.SetAsync("page", [1], ["library"], TimeSpan.FromMinutes(1), default);
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await breaker.EvictByTagAsync("library", gone.Token);

        Assert.False(_redis.Entries.ContainsKey("page"));
    }

    /// <summary>Redis in memory, down on demand (as StackExchange.Redis reports it), counting what reaches it.</summary>
    private sealed class FlakyRedis : IOutputCacheStore
    {
        public Dictionary<string, (byte[] Value, string[] Tags)> Entries { get; } = [];
        public List<string> Evicted { get; } = [];
        public bool Down { get; set; }
        public int Calls { get; private set; }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Reach(cancellationToken);
            Evicted.Add(tag);
            foreach (var key in Entries.Where(e => e.Value.Tags.Contains(tag)).Select(e => e.Key).ToList())
            {
                Entries.Remove(key);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Reach(cancellationToken);
            return ValueTask.FromResult(Entries.TryGetValue(key, out var entry) ? entry.Value : null);
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Reach(cancellationToken);
            Entries[key] = (value, tags ?? []);
            return ValueTask.CompletedTask;
        }

        private void Reach(CancellationToken cancellationToken)
        {
            Calls++;
            cancellationToken.ThrowIfCancellationRequested();
            if (Down)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is active/available to service this operation");
            }
        }
    }

    private sealed class CollectingLogger : ILogger<SharedCacheBreaker>
    {
        public List<LogLevel> Levels { get; } = [];
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Information)
            {
                Levels.Add(logLevel);
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
