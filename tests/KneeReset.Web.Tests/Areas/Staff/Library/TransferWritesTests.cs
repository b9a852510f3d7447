using System.Net;
using System.Text.RegularExpressions;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>
/// How an import writes (issue 22, finding 7): everything it changes in one transaction of two
/// saves whatever its size, with a revision and an audit entry for each item, or nothing at all.
/// A save per item held the store's write lock for minutes, and runners' saves timed out.
/// </summary>
public partial class TransferWritesTests(CountedImportApp app) : IClassFixture<CountedImportApp>
{
    [Fact]
    public async Task Importing_5_or_50_new_exercises_takes_the_same_saves_transactions_and_queries()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);

        var few = await CountedImportAsync(editor, LibraryZips.Library(TestData.NewSlug("few"), exercises: 5, routines: 1), (6, 0, 0));
        var many = await CountedImportAsync(editor, LibraryZips.Library(TestData.NewSlug("many"), exercises: 50, routines: 5), (55, 0, 0));

        Assert.Equal((Transactions: 1, Saves: 2), (many.Transactions, many.Saves));
        Assert.Equal((few.Transactions, few.Saves, Reads: few.Commands - few.Writes), (many.Transactions, many.Saves, Reads: many.Commands - many.Writes));
    }

    [Fact]
    public async Task Updating_5_or_50_exercises_by_import_takes_the_same_saves_transactions_and_queries()
    {
        var (fewPrefix, manyPrefix) = (TestData.NewSlug("few"), TestData.NewSlug("many"));
        using var editor = app.SignedIn(StaffRoles.Editor);
        await CountedImportAsync(editor, LibraryZips.Library(fewPrefix, exercises: 5, routines: 1), (6, 0, 0));
        await CountedImportAsync(editor, LibraryZips.Library(manyPrefix, exercises: 50, routines: 5), (55, 0, 0));

        var few = await CountedImportAsync(editor, LibraryZips.Library(fewPrefix, exercises: 5, routines: 1, edition: 2), (0, 6, 0));
        var many = await CountedImportAsync(editor, LibraryZips.Library(manyPrefix, exercises: 50, routines: 5, edition: 2), (0, 55, 0));

        Assert.Equal((Transactions: 1, Saves: 2), (many.Transactions, many.Saves));
        Assert.Equal((few.Transactions, few.Saves, Reads: few.Commands - few.Writes), (many.Transactions, many.Saves, Reads: many.Commands - many.Writes));
    }

    [Fact]
    public async Task Importing_an_unchanged_library_writes_nothing()
    {
        var library = LibraryZips.Library(TestData.NewSlug("same"), exercises: 10, routines: 1);
        using var editor = app.SignedIn(StaffRoles.Editor);
        await CountedImportAsync(editor, library, (11, 0, 0));

        var again = await CountedImportAsync(editor, library, (0, 0, 11));

        Assert.Equal((Transactions: 0, Saves: 0, Writes: 0), (again.Transactions, again.Saves, again.Writes));
    }

    [Fact]
    public async Task Every_imported_item_gets_one_revision_and_one_audit_entry_per_import()
    {
        var prefix = TestData.NewSlug("recorded");
        using var editor = app.SignedIn(StaffRoles.Editor, "importer@studio.test");
        await CountedImportAsync(editor, LibraryZips.Library(prefix, exercises: 20, routines: 2), (22, 0, 0));

        await CountedImportAsync(editor, LibraryZips.Library(prefix, exercises: 20, routines: 2, edition: 2), (0, 22, 0));

        var items = await app.QueryAsync(async db =>
            (await db.Exercises.AsNoTracking().Where(e => e.Slug.StartsWith(prefix)).Select(e => new { Type = "exercise", e.Id, e.Slug, e.Version, e.Name }).ToListAsync())
            .Concat(await db.Routines.AsNoTracking().Where(r => r.Slug.StartsWith(prefix)).Select(r => new { Type = "routine", r.Id, r.Slug, r.Version, Name = r.Title }).ToListAsync()).ToList());
        var revisions = await app.QueryAsync(db => db.Revisions.AsNoTracking().ToListAsync());
        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Target.Contains(prefix)).ToListAsync());
        Assert.Equal(22, items.Count);
        Assert.All(items, item =>
        {
            // One version per import: a new exercise arrives with its variations, not bare and then again with them.
            Assert.Equal(2, item.Version);
            Assert.EndsWith("edition 2", item.Name, StringComparison.Ordinal);
            var history = revisions.Where(r => r.EntityType == item.Type && r.EntityId == item.Id).OrderBy(r => r.Version).ToList();
            Assert.Equal([1, 2], history.Select(r => r.Version));
            Assert.All(history, r => Assert.Equal("importer@studio.test", r.By));
            Assert.Equal("created", history[0].Summary);
            Assert.Contains(item.Type == "exercise" ? "name" : "title", history[1].Summary.Split(", "));
            Assert.Contains("edition 2", history[1].Snapshot, StringComparison.Ordinal);
            var entries = audit.Where(a => a.Target == $"{item.Type} {item.Slug}").OrderBy(a => a.Id).ToList();
            Assert.Equal([$"{item.Type}.imported", $"{item.Type}.imported"], entries.Select(a => a.Action));
            Assert.Equal(["version 1: created", $"version 2: {history[1].Summary}"], entries.Select(a => a.Details));
            Assert.All(entries, a => Assert.Equal("importer@studio.test", a.Actor));
        });
    }

    [Fact]
    public async Task An_invalid_exercise_last_in_a_large_zip_leaves_nothing_written()
    {
        var prefix = TestData.NewSlug("late");
        var (exercises, routines) = LibraryZips.Library(prefix, exercises: 200, routines: 5);
        exercises[^1] = exercises[^1] with { Kind = "yoga" };
        using var editor = app.SignedIn(StaffRoles.Editor);
        var before = await CountsAsync();
        app.Traffic.Reset();

        using var response = await LibraryZips.ImportAsync(editor, LibraryZips.Zip(exercises, routines));

        var errors = await StaffPages.ErrorsAsync(response);
        Assert.Contains("Nothing was imported", errors, StringComparison.Ordinal);
        Assert.Contains($"exercises/{exercises[^1].Slug}.json: Choose the kind", errors, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal((Transactions: 0, Saves: 0, Writes: 0), (app.Traffic.Current.Transactions, app.Traffic.Current.Saves, app.Traffic.Current.Writes));
    }

    [Fact]
    public async Task A_routine_twice_in_the_zip_is_named_and_nothing_is_imported()
    {
        var prefix = TestData.NewSlug("twice");
        var (exercises, routines) = LibraryZips.Library(prefix, exercises: 3, routines: 1);
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await LibraryZips.ImportAsync(editor, LibraryZips.Zip(
        [
            .. exercises.Select(f => ($"exercises/{f.Slug}.json", Web.Library.LibraryFiles.Write(f))),
            ($"routines/{routines[0].Slug}.json", Web.Library.LibraryFiles.Write(routines[0])),
            ($"routines/copy-of-{routines[0].Slug}.json", Web.Library.LibraryFiles.Write(routines[0] with { Title = "A copy" })),
        ]));

        var errors = await StaffPages.ErrorsAsync(response);
        Assert.Contains($"Routine \"{routines[0].Slug}\" appears more than once.", errors, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Slug.StartsWith(prefix))));
    }

    [Fact]
    public async Task A_store_failure_on_the_last_write_of_a_large_import_leaves_nothing_written()
    {
        var prefix = TestData.NewSlug("failing");
        using var editor = app.SignedIn(StaffRoles.Editor);
        var before = await CountsAsync();

        HttpResponseMessage response;
        // The items and their revisions are written; the audit entries, written last, fail.
        using (app.Faults.FailWrites("INSERT INTO \"AuditEntries\""))
        {
            response = await LibraryZips.ImportAsync(editor, LibraryZips.Zip(LibraryZips.Library(prefix, exercises: 200, routines: 5)));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nothing was imported", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.False(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Slug.StartsWith(prefix))));
        response.Dispose();
    }

    [Fact]
    public async Task A_library_change_while_the_import_is_checked_stops_it_and_nothing_is_imported()
    {
        var prefix = TestData.NewSlug("raced");
        var meanwhile = TestData.NewSlug("saved-meanwhile");
        using var editor = app.SignedIn(StaffRoles.Editor);
        // Someone saves an exercise just as the import loads the stored routines, after it read the library's stamp.
        app.Traffic.BeforeCommand("\"RoutineSteps\"", () => app.CreateExerciseAsync(meanwhile));

        using var response = await LibraryZips.ImportAsync(editor, LibraryZips.Zip(LibraryZips.Library(prefix, exercises: 3, routines: 1)));

        var errors = await StaffPages.ErrorsAsync(response);
        Assert.Contains("someone else changed the library while it was being checked", errors, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", errors, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Slug.StartsWith(prefix))));
        Assert.True(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Slug == meanwhile)));
    }

    /// <summary>Imports the library, asserts the counts on the page, and returns what the import asked of the store.</summary>
    private async Task<ImportTraffic.Counts> CountedImportAsync(HttpClient client, (List<Web.Library.ExerciseFile>, List<Web.Library.RoutineFile>) library, (int Created, int Updated, int Unchanged) expected)
    {
        var form = await HtmlForm.OpenAsync(client, "/Staff/Library/Transfer");
        app.Traffic.Reset();
        using var response = await form.Attach("Archive", "library.zip", LibraryZips.Zip(library), "application/zip").PressAsync("Import");
        var counts = app.Traffic.Current;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var banner = (await Browser.ParseAsync(response)).QuerySelector("[role=status]")?.TextContent ?? await StaffPages.ErrorsAsync(response);
        var match = ImportedCounts().Match(banner);
        Assert.True(match.Success, banner);
        Assert.Equal(expected, (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value)));
        return counts;
    }

    [GeneratedRegex(@"Imported: (\d+) new, (\d+) updated, (\d+) unchanged\.")]
    private static partial Regex ImportedCounts();

    private Task<(int, int, int, int)> CountsAsync() =>
        app.QueryAsync(async db => (await db.Exercises.CountAsync(), await db.Routines.CountAsync(), await db.Revisions.CountAsync(), await db.AuditEntries.CountAsync()));
}
