using System.IO.Compression;
using System.Net;
using System.Text;
using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>
/// Imports and saves are all or nothing, and a hostile zip is refused with bounded memory and a
/// clear message (issue 9, findings 4 and 11). The store fails on demand (<see cref="StorageFaults"/>).
/// </summary>
public class AllOrNothingTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_store_failure_part_way_through_an_import_leaves_nothing_imported()
    {
        var first = TestData.NewSlug("first");
        var second = TestData.NewSlug("second");
        var routine = TestData.NewSlug("routine");
        var zip = Zip(
            ($"exercises/{first}.json", Exercise(first)),
            ($"exercises/{second}.json", Exercise(second)),
            ($"routines/{routine}.json", $$"""{ "slug": "{{routine}}", "title": "Imported", "summary": "S.", "whenToDo": "W.", "phase": "strengthen", "difficulty": "easy", "status": "published", "steps": [ { "exercise": "{{first}}", "sets": 2, "reps": 10 } ] }"""));
        using var editor = app.SignedIn(StaffRoles.Editor);
        var before = await CountsAsync();

        HttpResponseMessage response;
        // The exercises are written, then the routine's insert fails: a crash half-way.
        using (app.Faults.FailWrites("INSERT INTO \"Routines\""))
        {
            response = await ImportAsync(editor, zip);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nothing was imported", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.False(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Slug == first)));
        response.Dispose();
    }

    [Fact]
    public async Task A_save_whose_revision_cannot_be_written_changes_nothing()
    {
        var id = await app.CreateExerciseAsync(TestData.NewSlug("kept"));
        using var editor = app.SignedIn(StaffRoles.Editor);
        var form = await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}");
        var before = await CountsAsync();

        HttpResponseMessage response;
        using (app.Faults.FailWrites("INSERT INTO \"Revisions\""))
        {
            response = await form.Set("Input.Name", "Renamed without history").PressAsync("Save");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var stored = await app.QueryAsync(db => db.Exercises.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(1, stored.Version);
        Assert.NotEqual("Renamed without history", stored.Name);
        Assert.Equal(before, await CountsAsync());
        response.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("PK")]
    [InlineData("PK\u0003\u0004")]
    [InlineData("hello, this is not a zip")]
    [InlineData("PK\u0005\u0006")]
    public async Task A_few_bytes_that_are_not_a_zip_get_a_clear_message(string bytes)
    {
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await ImportAsync(editor, Encoding.Latin1.GetBytes(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await StaffPages.ErrorsAsync(response);
        Assert.True(errors.Contains("not a zip archive", StringComparison.Ordinal) || errors.Contains("Choose a library zip", StringComparison.Ordinal), errors);
    }

    [Fact]
    public async Task A_zip_of_too_many_files_is_refused_before_anything_is_unpacked()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);
        var zip = Zip([.. Enumerable.Range(0, LibraryZip.MaxEntries + 1).Select(i => ($"exercises/x{i}.json", "{}"))]);

        using var response = await ImportAsync(editor, zip);

        Assert.Contains($"a library zip holds at most {LibraryZip.MaxEntries}", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_by_its_unpacked_size()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);
        // 200 entries of 60 KB of spaces: a few KB packed, 12 MB unpacked.
        var zip = Zip([.. Enumerable.Range(0, 200).Select(i => ($"exercises/x{i}.json", new string(' ', 60 * 1024)))]);
        Assert.True(zip.Length < 200 * 1024);

        using var response = await ImportAsync(editor, zip);

        Assert.Contains("add up to more than 8 MB unpacked", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_entry_limit_is_named_and_nothing_is_imported()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);
        var zip = Zip(("exercises/huge.json", new string(' ', LibraryZip.MaxEntryBytes + 1)));

        using var response = await ImportAsync(editor, zip);

        Assert.Contains("exercises/huge.json: too large", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    private static string Exercise(string slug) =>
        $$"""{ "slug": "{{slug}}", "name": "Imported {{slug}}", "purpose": "P.", "kind": "mobility", "bodyAreas": ["hips"], "instructions": ["Move."], "status": "published" }""";

    private Task<(int, int, int, int)> CountsAsync() =>
        app.QueryAsync(async db => (await db.Exercises.CountAsync(), await db.Routines.CountAsync(), await db.Revisions.CountAsync(), await db.AuditEntries.CountAsync()));

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] archive) =>
        await (await HtmlForm.OpenAsync(client, "/Staff/Library/Transfer")).Attach("Archive", "library.zip", archive, "application/zip").PressAsync("Import");

    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
