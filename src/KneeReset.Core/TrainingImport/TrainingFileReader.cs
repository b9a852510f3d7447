using System.IO.Compression;
using System.Text;
using System.Xml;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// Reads one uploaded file, whatever its name says: the content decides whether it is GPX, TCX or
/// an activity list. Strava's bulk export gzips its GPX and TCX files, so .gz is unpacked (once).
/// </summary>
internal static class TrainingFileReader
{
    private static readonly byte[] Gzip = [0x1F, 0x8B];
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] Fit = ".FIT"u8.ToArray();

    /// <summary>The file's content, unpacked when it is gzipped (at most <see cref="ImportLimits.FileBytes"/>).</summary>
    public static byte[] Unpack(byte[] content, ReadContext context, ImportLimits limits) =>
        content.AsSpan().StartsWith(Gzip) ? Gunzip(content, context, limits) : content;

    /// <summary>The activities in a file's unpacked content.</summary>
    public static List<Activity> Read(byte[] content, ReadContext context)
    {
        if (content.Length == 0)
        {
            throw context.Error("the file is empty.");
        }
        if (content.AsSpan().StartsWith(Zip))
        {
            throw context.Error("this is a zip archive. Unpack it and add the activities.csv or the GPX and TCX files inside.");
        }
        if (content.Length >= 12 && content.AsSpan(8, 4).SequenceEqual(Fit))
        {
            throw context.Error("this is a FIT file, which the import cannot read. Export the activity as GPX or TCX instead.");
        }
        var head = Head(content);
        if (head.Contains('\0'))
        {
            throw context.Error("this is not a GPX, TCX or CSV file.");
        }
        if (!head.TrimStart().StartsWith('<'))
        {
            return ActivityCsvReader.Read(content, context);
        }
        // The reader refuses DTDs anyway; naming the reason here makes the message plainer.
        return head.Contains("<!DOCTYPE", StringComparison.Ordinal)
            ? throw context.Error("this file declares a DTD (<!DOCTYPE …>), which is refused for safety: GPX and TCX files never need one.")
            : ReadXml(content, context);
    }

    private static List<Activity> ReadXml(byte[] content, ReadContext context)
    {
        try
        {
            using var xml = SafeXml.Open(content, context);
            xml.MoveToContent();
            return xml.LocalName switch
            {
                "gpx" => GpxReader.Read(xml, context),
                "TrainingCenterDatabase" => TcxReader.Read(xml, context),
                var root => throw context.Error($"this XML file is neither GPX nor TCX (its root element is <{ReadContext.Shorten(root)}>)."),
            };
        }
        catch (XmlException e)
        {
            var where = e.LineNumber > 0 ? $"line {e.LineNumber}: " : "";
            throw context.Error($"{where}this is not well-formed XML (or it uses a DTD or entities, "
                + "which are refused for safety).", e);
        }
    }

    /// <summary>The first characters as text, decoded by the file's byte-order mark (UTF-8 without one).</summary>
    private static string Head(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content, 0, Math.Min(content.Length, 1024)),
            Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static byte[] Gunzip(byte[] content, ReadContext context, ImportLimits limits)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress);
            var unpacked = BoundedRead.ReadAll(gzip, limits.FileBytes)
                ?? throw context.Error($"it unpacks to more than {Megabytes(limits.FileBytes)}, the most one file may hold.");
            return unpacked.AsSpan().StartsWith(Gzip) ? throw context.Error("it is packed twice.") : unpacked;
        }
        catch (InvalidDataException e)
        {
            throw context.Error("this .gz archive is damaged.", e);
        }
    }

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}

/// <summary>Reads a stream into memory, but never more than a limit.</summary>
internal static class BoundedRead
{
    private const int ChunkBytes = 81920;

    /// <summary>The whole content, or null as soon as it runs past <paramref name="maxBytes"/> (having read at most one byte more).</summary>
    public static byte[]? ReadAll(Stream stream, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, Room(buffer, maxBytes))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    /// <summary>As <see cref="ReadAll"/>, without holding a thread while the bytes arrive (an upload's files may be on disk).</summary>
    public static async Task<byte[]?> ReadAllAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(chunk.AsMemory(0, Room(buffer, maxBytes)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    private static int Room(MemoryStream buffer, int maxBytes) => (int)Math.Min(ChunkBytes, (long)maxBytes + 1 - buffer.Length);
}
