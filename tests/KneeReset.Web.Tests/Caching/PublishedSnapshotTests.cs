using System.Collections.Concurrent;
using System.Diagnostics;
using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// The published library is loaded once and reused until a change: any save of a routine, step or
/// exercise forgets it (on SQLite nothing else is asked; on PostgreSQL the store's stamp is asked
/// too, for other instances' saves), and a load that overlapped a change is never kept after it.
/// </summary>
public class PublishedSnapshotTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_library_is_reused_until_a_save_changes_it_however_it_is_saved()
    {
        var first = await PublishedAsync();
        Assert.Same(first, await PublishedAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Saved behind the editor's back (no revision, no cache call): still seen at once.
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var routine = await db.Routines.FirstAsync(r => r.Slug == first[0].Routine.Slug);
            routine.Title = "Renamed behind the editor's back";
            await db.SaveChangesAsync();
        }
        Assert.Equal("Renamed behind the editor's back", (await PublishedAsync())[0].Routine.Title);

        await app.CreateRoutineAsync("snapshot-new-routine", status: "published");
        Assert.Contains(await PublishedAsync(), r => r.Routine.Slug == "snapshot-new-routine");
    }

    [Fact]
    public async Task A_load_that_overlapped_a_change_is_not_kept_and_a_transaction_is_forgotten_again_at_commit()
    {
        var snapshot = app.Services.GetRequiredService<PublishedSnapshot<RoutineView>>();
        var kept = await PublishedAsync();
        var loadedAt = snapshot.Generation;
        snapshot.Forget();
        snapshot.Keep(new PublishedSnapshot<RoutineView>.Kept(null, kept), loadedAt);
        Assert.Null(snapshot.Current);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var exercise = await db.Exercises.FirstAsync();
        exercise.Name += " (renamed)";
        await db.SaveChangesAsync();
        // A load between the save and the commit reads the old rows, and is kept.
        snapshot.Keep(new PublishedSnapshot<RoutineView>.Kept(null, kept), snapshot.Generation);
        Assert.NotNull(snapshot.Current);
        await transaction.CommitAsync();

        Assert.Null(snapshot.Current);
    }

    [Fact]
    public async Task Asking_the_stores_stamp_is_one_query_sent_without_blocking_a_thread()
    {
        // How PostgreSQL's instances ask on every call (another instance may have saved). EF runs a
        // scalar sub-query that names no lambda parameter as a query of its own, synchronously,
        // while it builds the command: that blocked a thread per call and starved the pool under load.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var library = new RoutineLibrary(db, new PublishedSnapshot<RoutineView>(forgottenOnEverySave: false));
        var loaded = await library.PublishedAsync();

        using var sent = CommandsSent.By(db);
        Assert.Same(loaded, await library.PublishedAsync());

        var command = Assert.Single(sent.Commands);
        Assert.True(command.IsAsync, command.Sql);
    }

    private async Task<IReadOnlyList<RoutineView>> PublishedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoutineLibrary>().PublishedAsync();
    }
}

/// <summary>The commands one DbContext sends while this is alive, from EF's diagnostic events.</summary>
internal sealed class CommandsSent : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly DbContext _context;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<(string Sql, bool IsAsync)> _commands = new();

    private CommandsSent(DbContext context)
    {
        _context = context;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public static CommandsSent By(DbContext context) => new(context);

    public IReadOnlyList<(string Sql, bool IsAsync)> Commands => [.. _commands];

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && data.Context == _context)
        {
            _commands.Enqueue((data.Command.CommandText, data.IsAsync));
        }
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
