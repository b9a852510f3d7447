using System.Collections.Concurrent;
using KneeReset.Web.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// The app with its output cache store wrapped, so a test sees which tags were evicted, and with
/// what is kept in memory (link states, the published library) observable through their generations.
/// </summary>
public sealed class EvictionRecordingApp : KneeResetFactory
{
    public EvictedTags Evicted { get; } = new();

    /// <summary>What a change forgot: evicted tags, and whether the link states and the library were forgotten.</summary>
    public sealed record Forgot(IReadOnlySet<string> Tags, bool LinkStates, bool Library)
    {
        public static Forgot Nothing { get; } = new(new HashSet<string>(), false, false);

        public override string ToString() => $"tags [{string.Join(", ", Tags.Order(StringComparer.Ordinal))}], link states {LinkStates}, library {Library}";
    }

    /// <summary>Runs <paramref name="change"/> and says what it forgot.</summary>
    public async Task<Forgot> ForgotAsync(Func<Task> change)
    {
        var links = Services.GetRequiredService<ShareLinkStates>();
        var snapshot = Services.GetRequiredService<PublishedSnapshot>();
        var (linksBefore, libraryBefore) = (links.Generation, snapshot.Generation);
        Evicted.Clear();
        await change();
        return new(Evicted.Tags, links.Generation != linksBefore, snapshot.Generation != libraryBefore);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(store);
            services.AddSingleton<IOutputCacheStore>(sp => new Recording(
                (IOutputCacheStore)(store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
                Evicted));
        });
    }

    public sealed class EvictedTags
    {
        private readonly ConcurrentQueue<string> _tags = new();

        public IReadOnlySet<string> Tags => _tags.ToHashSet(StringComparer.Ordinal);

        public void Add(string tag) => _tags.Enqueue(tag);

        public void Clear() => _tags.Clear();
    }

    private sealed class Recording(IOutputCacheStore inner, EvictedTags evicted) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            evicted.Add(tag);
            return inner.EvictByTagAsync(tag, cancellationToken);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
