using System.Text.Json;
using System.Text.Unicode;

namespace KneeReset.Web.Api;

/// <summary>
/// Reading a JSON request body from outside: bounded in size, strict UTF-8, well-formed text in
/// every string and name (no lone surrogates), and a framing the server could read. Anything else
/// is a plain message for a 400, never an exception.
/// </summary>
public static class JsonBody
{
    public sealed record Outcome(JsonDocument? Document, string? Error);

    public static async Task<Outcome> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = $"The request body must be under {maxBytes / 1024} KB.";
        if (request.ContentLength > maxBytes)
        {
            return new(null, tooLarge);
        }
        byte[]? body;
        try
        {
            body = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            // A malformed chunk, a body shorter than its Content-Length, or conflicting framing headers.
            return new(null, $"The request body could not be read: {e.Message}");
        }
        if (body is null)
        {
            return new(null, tooLarge);
        }
        if (!Utf8.IsValid(body))
        {
            return new(null, "The body is not valid UTF-8 text.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new(null, $"The body is not valid JSON: {e.Message}");
        }
        if (!WellFormed(document.RootElement))
        {
            document.Dispose();
            return new(null, "The body holds text that is not valid Unicode (for example a lone surrogate such as \\ud800).");
        }
        return new(document, null);
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Every string and property name decodes to well-formed UTF-16.</summary>
    private static bool WellFormed(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => WellFormed(element.GetString()!),
                JsonValueKind.Array => element.EnumerateArray().All(WellFormed),
                JsonValueKind.Object => element.EnumerateObject().All(p => WellFormed(p.Name) && WellFormed(p.Value)),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode some escapes (an invalid surrogate sequence).
            return false;
        }
    }

    private static bool WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
