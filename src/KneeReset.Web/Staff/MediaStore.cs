namespace KneeReset.Web.Staff;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where uploaded images live: outside wwwroot, relative to the app folder unless absolute.</summary>
    public string Path { get; set; } = "data/media";
    public long MaxBytes { get; set; } = 2 * 1024 * 1024;
}

/// <summary>
/// Uploaded exercise images: type checked by their first bytes (not the name or the browser's
/// word), size limited, stored under random names outside wwwroot, served with their type.
/// </summary>
public sealed class MediaStore(Microsoft.Extensions.Options.IOptions<MediaOptions> options, IHostEnvironment environment)
{
    private static readonly (string Extension, string ContentType, byte[] Magic)[] Types =
    [
        ("png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("webp", "image/webp", [0x52, 0x49, 0x46, 0x46]),
    ];

    private string Folder => System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>Stores the upload and returns its name, or an error a non-developer understands.</summary>
    public async Task<(string? Name, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return (null, "The picture file is empty.");
        }
        if (file.Length > MaxBytes)
        {
            return (null, $"The picture is too large: the limit is {MaxBytes / 1024 / 1024} MB.");
        }
        var head = new byte[12];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = Types.FirstOrDefault(t => read >= t.Magic.Length && head.AsSpan(0, t.Magic.Length).SequenceEqual(t.Magic)
            && (t.Extension != "webp" || (read >= 12 && head.AsSpan(8, 4).SequenceEqual("WEBP"u8))));
        if (type.Extension is null)
        {
            return (null, "Pictures must be PNG, JPEG or WebP images.");
        }
        Directory.CreateDirectory(Folder);
        var name = $"{Guid.NewGuid():N}.{type.Extension}";
        stream.Position = 0;
        await using var output = File.Create(System.IO.Path.Combine(Folder, name));
        await stream.CopyToAsync(output, cancellationToken);
        return (name, null);
    }

    /// <summary>The stored file and its content type, for a name this store gave out.</summary>
    public (string Path, string ContentType)? Find(string name)
    {
        var type = Types.FirstOrDefault(t => name.EndsWith("." + t.Extension, StringComparison.Ordinal));
        if (type.Extension is null || name.Length != 33 + type.Extension.Length || !name[..32].All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var path = System.IO.Path.Combine(Folder, name);
        return File.Exists(path) ? (path, type.ContentType) : null;
    }

    public static IEndpointRouteBuilder MapMedia(IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{name}", (string name, MediaStore media) =>
            media.Find(name) is { } found ? Results.File(found.Path, found.ContentType) : Results.NotFound());
        return app;
    }
}
