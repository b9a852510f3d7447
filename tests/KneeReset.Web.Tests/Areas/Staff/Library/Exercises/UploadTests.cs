using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Tests.Areas.Staff.Library.Exercises;

/// <summary>
/// Pictures are checked before they are stored, written safely, and never left behind by a save
/// that did not happen; a folder that can't take them gives the form back (issue 9, finding 7).
/// </summary>
public class UploadTests(KneeResetFactory app, UploadTests.UnwritableMediaApp unwritable)
    : IClassFixture<KneeResetFactory>, IClassFixture<UploadTests.UnwritableMediaApp>
{
    [Fact]
    public async Task A_save_refused_for_its_form_stores_no_picture()
    {
        var id = await app.CreateExerciseAsync(TestData.NewSlug("refused"));
        using var editor = app.SignedIn(StaffRoles.Editor);
        var before = Files(app.MediaFolder);

        using var response = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}"))
            .Set("Input.Name", "").Attach("Picture", "knee.png", TestImages.OnePixelPng(), "image/png").PressAsync("Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, Files(app.MediaFolder));
    }

    [Fact]
    public async Task A_save_that_fails_in_the_store_removes_the_picture_it_stored()
    {
        var id = await app.CreateExerciseAsync(TestData.NewSlug("failing"));
        using var editor = app.SignedIn(StaffRoles.Editor);
        var form = (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}")).Attach("Picture", "knee.png", TestImages.OnePixelPng(), "image/png");
        var before = Files(app.MediaFolder);

        HttpResponseMessage response;
        using (app.Faults.FailWrites("UPDATE \"Exercises\""))
        {
            response = await form.PressAsync("Save");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(before, Files(app.MediaFolder));
        response.Dispose();
    }

    [Fact]
    public async Task A_disk_that_fills_up_mid_write_leaves_no_file_behind()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kneereset-full-{Guid.NewGuid():N}");
        var media = new MediaStore(Options.Create(new MediaOptions { Path = folder }), new Environment());
        var png = TestImages.PngOfLength(200_000);
        using var stream = new FillsUp(png, failAfter: 100_000);
        var upload = new FormFile(stream, 0, png.Length, "Picture", "knee.png");

        var (name, error) = await media.SaveAsync(upload, CancellationToken.None);

        Assert.Null(name);
        Assert.Contains("couldn't be stored", error, StringComparison.Ordinal);
        Assert.Empty(Files(folder));
    }

    [Fact]
    public async Task A_media_folder_that_cannot_be_written_gives_the_form_back_with_the_typed_changes()
    {
        var slug = TestData.NewSlug("unstored");
        using var editor = unwritable.SignedIn(StaffRoles.Editor);

        using var response = await (await HtmlForm.OpenAsync(editor, "/Staff/Library/Exercises/Edit"))
            .Set("Input.Name", "Typed with care").Set("Input.Slug", slug).Set("Input.Purpose", "A purpose.")
            .Set("Input.Kind", "mobility").Set("Input.BodyAreas", "hips").Set("Input.Instructions", "Move slowly.")
            .Attach("Picture", "knee.png", TestImages.OnePixelPng(), "image/png").PressAsync("Save");

        var again = await HtmlForm.ReadAsync(editor, response);
        Assert.Contains("couldn't be stored", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal("Typed with care", again.Value("Input.Name"));
        Assert.Equal("Move slowly.", again.Value("Input.Instructions"));
        Assert.False(await unwritable.QueryAsync(db => Task.FromResult(db.Exercises.Any(e => e.Slug == slug))));
    }

    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order()!] : [];

    /// <summary>An upload whose reading fails part-way with the error a full disk gives.</summary>
    private sealed class FillsUp(byte[] content, int failAfter) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("No space left on device") : base.Read(buffer, offset, Math.Min(count, failAfter - (int)Position));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAfter ? throw new IOException("No space left on device") : base.ReadAsync(buffer[..Math.Min(buffer.Length, failAfter - (int)Position)], cancellationToken);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "KneeReset.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    /// <summary>The same app with a media folder that can't be created (its parent is a file), as a read-only or missing disk.</summary>
    public sealed class UnwritableMediaApp : KneeResetFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var blocker = Path.Combine(Folder, "blocker");
            Directory.CreateDirectory(Folder);
            File.WriteAllText(blocker, "a file where a folder should be");
            builder.UseSetting("Media:Path", Path.Combine(blocker, "media"));
        }
    }
}
