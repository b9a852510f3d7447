using System.Collections.Concurrent;
using KneeReset.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KneeReset.Web.Tests;

/// <summary>
/// Marks an app under test whose started host may serve one test class after another (after
/// <see cref="AppPool"/>'s reset) instead of each class starting its own: only for apps whose
/// settings are the same for every instance and whose state a reset fully puts back.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SharedBetweenClassesAttribute : Attribute;

/// <summary>
/// What an app under test is made of besides the WebApplicationFactory: its store, folder, clock,
/// faults and log, and (once started) its host. A shared app's slot outlives its test class.
/// </summary>
public sealed class AppSlot(TestDatabase database, bool ownsDatabase, bool shared)
{
    public TestDatabase Database { get; } = database;

    public bool OwnsDatabase { get; } = ownsDatabase;

    /// <summary>Whether the slot may go back to <see cref="AppPool"/> when its class is done.</summary>
    public bool Shared { get; } = shared;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"kneereset-app-{Guid.NewGuid():N}");

    public ShiftedClock Clock { get; } = new();

    public StorageFaults Faults { get; } = new();

    public LogCollector Log { get; } = new();

    /// <summary>The started host, kept only for a shared slot, with its store as the start left it.</summary>
    public IHost? Host { get; private set; }

    private StoreBaseline? _baseline;

    public void Started(IHost host)
    {
        Host = host;
        _baseline = StoreBaseline.Capture(Database);
    }

    /// <summary>
    /// Puts the app back as its start left it, for the next class: the store's rows, everything it
    /// keeps in memory about them (cached pages, link states, the published library), its log and
    /// its mail and media folders. False when the class moved the clock, which never goes back.
    /// </summary>
    public async Task<bool> ResetAsync()
    {
        if (Host is null || _baseline is null || Clock.Moved)
        {
            return false;
        }
        _baseline.Restore();
        var services = Host.Services;
        services.GetRequiredService<ShareLinkStates>().ForgetAll();
        services.GetRequiredService<PublishedSnapshot>().Forget();
        var pages = services.GetRequiredService<IOutputCacheStore>();
        foreach (var tag in CachePolicies.EverythingTags)
        {
            await pages.EvictByTagAsync(tag, CancellationToken.None);
        }
        if (Directory.Exists(Folder))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(Folder, "*", SearchOption.AllDirectories).Where(File.Exists))
            {
                File.Delete(entry);
            }
        }
        Log.Clear();
        return true;
    }

    /// <summary>Removes what the slot owns: its store (unless shared with other apps) and its folder.</summary>
    public void Remove()
    {
        if (OwnsDatabase)
        {
            Database.Dispose();
        }
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>
/// Started apps waiting for their next test class, by kind (the app's type): starting an app costs
/// about half a CPU-second, a reset a few milliseconds. Each class still has an app to itself;
/// what is left at the end of the run is stopped and removed when the process exits.
/// </summary>
public static class AppPool
{
    private static readonly ConcurrentDictionary<Type, ConcurrentBag<AppSlot>> Waiting = new();
    private static readonly ConcurrentBag<AppSlot> Everything = [];
    private static int _cleanUpRegistered;

    // A failed reset surfaces only as a class clean-up message, which the run does not count as a
    // failure: it is kept here and fails every later class that asks for a shared app instead.
    private static Exception? _resetFailed;

    /// <summary>A slot for an app of <paramref name="kind"/>: a started one waiting, or a new one with a fresh store.</summary>
    public static AppSlot Take(Type kind)
    {
        if (_resetFailed is { } failure)
        {
            throw new InvalidOperationException("A shared app could not be reset after an earlier test class.", failure);
        }
        if (Waiting.GetOrAdd(kind, _ => []).TryTake(out var slot))
        {
            return slot;
        }
        if (Interlocked.Exchange(ref _cleanUpRegistered, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        }
        slot = new AppSlot(TestDatabase.CreateFresh(), ownsDatabase: true, shared: true);
        Everything.Add(slot);
        return slot;
    }

    /// <summary>Resets the slot and keeps it for the next class of <paramref name="kind"/>; false when it cannot be reset (then it is the caller's to stop).</summary>
    public static async Task<bool> TryGiveBackAsync(Type kind, AppSlot slot)
    {
        try
        {
            if (!await slot.ResetAsync())
            {
                return false;
            }
        }
        catch (Exception e)
        {
            _resetFailed = e;
            throw;
        }
        Waiting.GetOrAdd(kind, _ => []).Add(slot);
        return true;
    }

    private static void StopAll()
    {
        foreach (var slot in Everything)
        {
            try
            {
                if (slot.Host is { } host)
                {
                    host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
                    host.Dispose();
                }
                slot.Remove();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException or System.Data.Common.DbException)
            {
                // Already stopped with its class, or the server is gone at the end of the run.
            }
        }
    }
}
