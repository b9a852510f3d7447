using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>The library exported as a zip of content files and imported back: stable, all-or-nothing.</summary>
public partial class TransferTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Export_import_export_changes_nothing_and_gives_the_same_files()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);
        var first = await ExportAsync(editor);
        var entries = Entries(first);
        Assert.Contains("routines/post-run-knee-reset.json", entries.Keys);
        Assert.Contains("exercises/glute-bridge.json", entries.Keys);

        using var imported = await ImportAsync(editor, first);

        Assert.Equal((0, 0, entries.Count), await ResultAsync(imported));
        var second = Entries(await ExportAsync(editor));
        Assert.Equal(entries.Keys.Order(), second.Keys.Order());
        Assert.All(entries, e => Assert.True(e.Value.AsSpan().SequenceEqual(second[e.Key]), $"{e.Key} differs after the round trip."));
    }

    [Fact]
    public async Task Importing_an_older_export_reverts_an_edit_as_a_new_version()
    {
        var slug = TestData.NewSlug("reverted");
        var id = await app.CreateRoutineAsync(slug, title: "Exported title");
        using var editor = app.SignedIn(StaffRoles.Editor, "importer@studio.test");
        var backup = await ExportAsync(editor);
        using var edited = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Routines/Edit/{id}")).Set("Input.Title", "Edited after the export").PressAsync("Save");
        Browser.AssertRedirect(edited);

        using var imported = await ImportAsync(editor, backup);

        Assert.Equal((0, 1, Entries(backup).Count - 1), await ResultAsync(imported));
        var routine = (await app.RoutineAsync(slug))!;
        Assert.Equal(("Exported title", 3), (routine.Title, routine.Version));
        var revision = await app.QueryAsync(db => db.Revisions.SingleAsync(r => r.EntityType == "routine" && r.EntityId == id && r.Version == 3));
        Assert.Equal("importer@studio.test", revision.By);
    }

    [Fact]
    public async Task A_zip_with_one_invalid_routine_imports_nothing_and_names_the_problem()
    {
        var exercise = TestData.NewSlug("would-be-new");
        var routine = TestData.NewSlug("broken");
        var zip = Zip(
            ($"exercises/{exercise}.json", $$"""{ "slug": "{{exercise}}", "name": "Would be new", "purpose": "Never imported.", "kind": "mobility", "bodyAreas": ["hips"], "instructions": ["Move."] }"""),
            ($"routines/{routine}.json", $$"""{ "slug": "{{routine}}", "title": "Broken", "summary": "Zero sets.", "whenToDo": "Never.", "phase": "strengthen", "difficulty": "easy", "steps": [ { "exercise": "glute-bridge", "sets": 0, "reps": 10 } ] }"""));
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await ImportAsync(editor, zip);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await StaffPages.ErrorsAsync(response);
        Assert.Contains("Nothing was imported", errors, StringComparison.Ordinal);
        Assert.Contains($"routines/{routine}.json: Sets must be from 1 to 10.", errors, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Slug == exercise)));
        Assert.Null(await app.RoutineAsync(routine));
    }

    public static TheoryData<string, string> FilesWithNull => new()
    {
        { "routines/no-steps.json", """{ "slug": "no-steps", "title": "T", "summary": "S", "whenToDo": "W", "phase": "strengthen", "difficulty": "easy", "steps": null }""" },
        { "routines/null-step.json", """{ "slug": "null-step", "title": "T", "summary": "S", "whenToDo": "W", "phase": "strengthen", "difficulty": "easy", "gentle": true, "steps": [null] }""" },
        { "exercises/no-areas.json", """{ "slug": "no-areas", "name": "N", "purpose": "P", "kind": "mobility", "bodyAreas": null, "instructions": ["Move."] }""" },
        { "exercises/no-instructions.json", """{ "slug": "no-instructions", "name": "N", "purpose": "P", "kind": "mobility", "bodyAreas": ["hips"], "instructions": null }""" },
        { "exercises/null-instruction.json", """{ "slug": "null-instruction", "name": "N", "purpose": "P", "kind": "mobility", "bodyAreas": ["hips"], "instructions": [null] }""" },
        { "routines/just-null.json", "null" },
    };

    [Theory]
    [MemberData(nameof(FilesWithNull))]
    public async Task A_file_with_null_where_the_format_has_a_value_is_named_and_nothing_is_imported(string name, string text)
    {
        using var editor = app.SignedIn(StaffRoles.Editor);
        var before = await app.QueryAsync(async db => (await db.Exercises.CountAsync(), await db.Routines.CountAsync()));

        using var response = await ImportAsync(editor, Zip((name, text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await StaffPages.ErrorsAsync(response);
        Assert.Contains("Nothing was imported", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}: not a valid library file", errors, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(async db => (await db.Exercises.CountAsync(), await db.Routines.CountAsync())));
    }

    [Fact]
    public async Task An_import_that_would_put_strength_work_in_a_stored_gentle_routine_imports_nothing()
    {
        var slug = TestData.NewSlug("stays-gentle");
        await app.CreateExerciseAsync(slug);
        await app.CreateRoutineAsync(TestData.NewSlug("gentle"), status: "published", title: "Stored gentle routine", gentle: true,
            steps: [new() { Exercise = slug, Sets = 1, Reps = 10 }]);
        var newcomer = TestData.NewSlug("newcomer");
        var zip = Zip(
            ($"exercises/{slug}.json", $$"""{ "slug": "{{slug}}", "name": "Now strength", "purpose": "P", "kind": "strength", "bodyAreas": ["hips"], "instructions": ["Push."] }"""),
            ($"exercises/{newcomer}.json", $$"""{ "slug": "{{newcomer}}", "name": "Newcomer", "purpose": "P", "kind": "mobility", "bodyAreas": ["hips"], "instructions": ["Move."] }"""));
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await ImportAsync(editor, zip);

        var errors = await StaffPages.ErrorsAsync(response);
        Assert.Contains("Nothing was imported", errors, StringComparison.Ordinal);
        Assert.Contains($"exercises/{slug}.json: the gentle routine \"Stored gentle routine\" uses it", errors, StringComparison.Ordinal);
        Assert.Equal("mobility", await app.QueryAsync(db => db.Exercises.Where(e => e.Slug == slug).Select(e => e.Kind).SingleAsync()));
        Assert.False(await app.QueryAsync(db => db.Exercises.AnyAsync(e => e.Slug == newcomer)));
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await ImportAsync(editor, "slug,title\nnot,a zip\n"u8.ToArray(), "library.zip");

        Assert.Contains("That file is not a zip archive", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_without_choosing_a_file_asks_for_one()
    {
        using var editor = app.SignedIn(StaffRoles.Editor);

        using var response = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Transfer")).PressAsync("Import");

        Assert.Contains("Choose a library zip to import.", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    private static async Task<byte[]> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/Staff/Library/Transfer?handler=Export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] archive, string fileName = "kneereset-library.zip") =>
        await (await HtmlForm.OpenAsync(client, "/Staff/Library/Transfer")).Attach("Archive", fileName, archive, "application/zip").PressAsync("Import");

    /// <summary>The counts in "Imported: 1 new, 2 updated, 3 unchanged."</summary>
    private static async Task<(int Created, int Updated, int Unchanged)> ResultAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var banner = (await Browser.ParseAsync(response)).QuerySelector("[role=status]")?.TextContent ?? await StaffPages.ErrorsAsync(response);
        var match = ImportedCounts().Match(banner);
        Assert.True(match.Success, banner);
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    [GeneratedRegex(@"Imported: (\d+) new, (\d+) updated, (\d+) unchanged\.")]
    private static partial Regex ImportedCounts();

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
