using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeReset.Core;
using KneeReset.Web.Library;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// Reads a library zip from outside with bounded memory: the entry count and the declared sizes
/// are checked before anything is unpacked, each entry is unpacked into one fixed buffer and no
/// further than its limit (declared sizes can lie), and the unpacked total is capped. Only the
/// parsed files are kept. Every problem is named; nothing here throws for a bad file.
/// </summary>
public static class LibraryZip
{
    public const long MaxZipBytes = 10 * 1024 * 1024;
    public const int MaxEntries = 1000;
    public const int MaxEntryBytes = 64 * 1024;
    public const long MaxTotalBytes = 8 * 1024 * 1024;

    public sealed record Contents(List<ExerciseFile> Exercises, List<RoutineFile> Routines, List<string> Problems);

    /// <summary>
    /// Imported files come from outside: null where the format has a list, a text or a list item
    /// is refused here, as the validators (shared with the editor, which never sends null) assume none.
    /// </summary>
    private static readonly JsonSerializerOptions StrictOptions = new(ContentJson.Options) { RespectNullableAnnotations = true };

    public static async Task<Contents> ReadAsync(Stream zipStream, CancellationToken cancellationToken)
    {
        var contents = new Contents([], [], []);
        try
        {
            using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries.Where(e => !(e.Length == 0 && e.FullName.EndsWith('/'))).ToList();
            if (entries.Count > MaxEntries)
            {
                contents.Problems.Add($"The zip holds {entries.Count} files; a library zip holds at most {MaxEntries}.");
                return contents;
            }
            if (entries.Sum(e => e.Length) > MaxTotalBytes)
            {
                contents.Problems.Add($"The files in the zip add up to more than {MaxTotalBytes / 1024 / 1024} MB unpacked; a library is far smaller.");
                return contents;
            }
            var buffer = new byte[MaxEntryBytes + 1];
            long total = 0;
            foreach (var entry in entries)
            {
                var read = entry.Length > MaxEntryBytes ? buffer.Length : await UnpackAsync(entry, buffer, cancellationToken);
                if (read < 0)
                {
                    contents.Problems.Add($"{entry.FullName}: damaged, it can't be unpacked.");
                    continue;
                }
                if (read > MaxEntryBytes)
                {
                    contents.Problems.Add($"{entry.FullName}: too large (a library file is at most {MaxEntryBytes / 1024} KB).");
                    continue;
                }
                total += read;
                if (total > MaxTotalBytes)
                {
                    contents.Problems.Add($"The files in the zip add up to more than {MaxTotalBytes / 1024 / 1024} MB unpacked; a library is far smaller.");
                    return contents;
                }
                Parse(entry.FullName, Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF'), contents);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            // Not a zip at all: a few bytes, another kind of file, a damaged directory.
            contents.Problems.Add("That file is not a zip archive (or it is damaged).");
        }
        return contents;
    }

    /// <summary>Unpacks at most the buffer's length; -1 when the entry can't be unpacked.</summary>
    private static async Task<int> UnpackAsync(ZipArchiveEntry entry, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            return await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return -1;
        }
    }

    private static void Parse(string name, string text, Contents contents)
    {
        try
        {
            if (name.StartsWith("exercises/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            {
                contents.Exercises.Add(LibraryText.Normalise(ReadStrict<ExerciseFile>(text)));
            }
            else if (name.StartsWith("routines/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            {
                contents.Routines.Add(LibraryText.Normalise(ReadStrict<RoutineFile>(text)));
            }
            else
            {
                contents.Problems.Add($"{name}: not an exercises/ or routines/ JSON file.");
            }
        }
        catch (JsonException e)
        {
            contents.Problems.Add($"{name}: not a valid library file ({e.Message}).");
        }
    }

    private static T ReadStrict<T>(string text)
    {
        var file = JsonSerializer.Deserialize<T>(text, StrictOptions) ?? throw new JsonException("the file holds null, not an object");
        if (HoldsNullItem(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })))
        {
            throw new JsonException("a list holds null");
        }
        return file;
    }

    private static bool HoldsNullItem(JsonNode? node) => node switch
    {
        JsonArray array => array.Any(item => item is null || HoldsNullItem(item)),
        JsonObject obj => obj.Any(property => HoldsNullItem(property.Value)),
        _ => false,
    };
}
