using System.Text.Json;
using System.Text.Unicode;

namespace KneeReset.Web.Api;

/// <summary>
/// Reading a JSON request body from outside: bounded in size, strict UTF-8, well-formed text in
/// every string and name (no lone surrogates), and a framing the server could read. Anything else
/// is a plain message for a 400, never an exception. Only bytes that pass are handed to
/// System.Text.Json to bind the request's record.
/// </summary>
public static class JsonBody
{
    /// <summary>
    /// The bound request, or why not: <see cref="Error"/> says the body is not well-formed JSON text;
    /// neither set means well-formed JSON of another shape than <typeparamref name="T"/>.
    /// </summary>
    public sealed record Outcome<T>(T? Value, string? Error) where T : class;

    /// <summary>Names are matched exactly as written ("answers", not "Answers"); otherwise the API's web defaults.</summary>
    private static readonly JsonSerializerOptions Binding = new(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = false };

    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken) where T : class
    {
        var (body, error) = await ReadTextAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return new(null, error);
        }
        try
        {
            return new(JsonSerializer.Deserialize<T>(body, Binding), null);
        }
        catch (JsonException)
        {
            // Well-formed JSON (checked above) that does not bind: a missing member or another type.
            return new(null, null);
        }
    }

    /// <summary>The body's bytes once they are known to be well-formed JSON text, or a message.</summary>
    private static async Task<(byte[]? Body, string? Error)> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = $"The request body must be under {maxBytes / 1024} KB.";
        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }
        byte[]? body;
        try
        {
            body = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            // A malformed chunk, a body shorter than its Content-Length, or conflicting framing headers.
            return (null, $"The request body could not be read: {e.Message}");
        }
        if (body is null)
        {
            return (null, tooLarge);
        }
        if (!Utf8.IsValid(body))
        {
            return (null, "The body is not valid UTF-8 text.");
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!WellFormed(document.RootElement))
            {
                return (null, "The body holds text that is not valid Unicode (for example a lone surrogate such as \\ud800).");
            }
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON: {e.Message}");
        }
        return (body, null);
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
