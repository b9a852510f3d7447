namespace KneeReset.Web.Library;

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

    /// <summary>Checks an upload without storing anything: its size, and its type by its first bytes. Null when it is fine.</summary>
    public async Task<string?> CheckAsync(IFormFile file, CancellationToken cancellationToken) =>
        file.Length == 0 ? "The picture file is empty."
        : file.Length > MaxBytes ? $"The picture is too large: the limit is {MaxBytes / 1024 / 1024} MB."
        : await TypeOfAsync(file, cancellationToken) is null ? "Pictures must be PNG, JPEG or WebP images."
        : null;

    /// <summary>
    /// Stores a checked upload under a new name: written to a temporary file beside its final place,
    /// then moved there in one step, so a full or failing disk never leaves a truncated picture;
    /// whatever was written is removed on failure. Returns the name, or an error a non-developer understands.
    /// </summary>
    public async Task<(string? Name, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (await CheckAsync(file, cancellationToken) is { } problem)
        {
            return (null, problem);
        }
        var type = (await TypeOfAsync(file, cancellationToken))!.Value;
        var name = $"{Guid.NewGuid():N}.{type.Extension}";
        var temporary = System.IO.Path.Combine(Folder, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Folder);
            await using (var input = file.OpenReadStream())
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await input.CopyToAsync(output, cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
            File.Move(temporary, System.IO.Path.Combine(Folder, name));
            return (name, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return (null, "The picture couldn't be stored: the picture folder is full or can't be written to. Nothing was saved; your changes are below. Save again without the picture, or ask an admin to free some space.");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Removes a picture this store gave out (when the save it was for is refused).</summary>
    public void Delete(string? name)
    {
        if (name is not null && Find(name) is { } found)
        {
            TryDelete(found.Path);
        }
    }

    /// <summary>
    /// How long a stored picture may go unnamed by any exercise before it is removed: longer than any
    /// save takes between storing a picture and committing the exercise that names it.
    /// </summary>
    public static readonly TimeSpan UnusedGrace = TimeSpan.FromHours(1);

    /// <summary>
    /// Removes the pictures this store gave out that no exercise names (replaced, or their exercise
    /// removed) and temporary files left by a failed upload, once older than <see cref="UnusedGrace"/>.
    /// Returns how many pictures went.
    /// </summary>
    public int RemoveUnused(IReadOnlySet<string> inUse, DateTimeOffset now)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            var name = System.IO.Path.GetFileName(path);
            var picture = Find(name) is not null;
            if ((picture && inUse.Contains(name)) || (!picture && !name.StartsWith(".upload-", StringComparison.Ordinal)))
            {
                continue;
            }
            if (File.GetLastWriteTimeUtc(path) <= (now - UnusedGrace).UtcDateTime && TryDelete(path) && picture)
            {
                removed++;
            }
        }
        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is never served (only names this store gives out are).
            return false;
        }
    }

    private static async Task<(string Extension, string ContentType, byte[] Magic)?> TypeOfAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var head = new byte[12];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = Types.FirstOrDefault(t => read >= t.Magic.Length && head.AsSpan(0, t.Magic.Length).SequenceEqual(t.Magic)
            && (t.Extension != "webp" || (read >= 12 && head.AsSpan(8, 4).SequenceEqual("WEBP"u8))));
        return type.Extension is null ? null : type;
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
}
