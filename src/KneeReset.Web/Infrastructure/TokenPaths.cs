namespace KneeReset.Web.Infrastructure;

/// <summary>Paths that carry a secret token (result links, drafts, sessions), and how to mask them for logs.</summary>
public static class TokenPaths
{
    // The segments whose next segment is a token. Every request asks several times (security
    // headers, rate limits, output cache, request log), so plain prefix checks rather than a regex.
    private static readonly string[] Prefixes = ["/r/", "/m/", "/api/assessments/", "/api/manage/", "/assess/", "/sessions/"];

    // Under a private link, a session's own token follows: "/m/{manage}/sessions/{session}".
    private const string Sessions = "/sessions/";

    public static bool IsTokenPath(PathString path) => TokenIn(path.Value).Length > 0;

    /// <summary>"/r/abc123/fhir" becomes "/r/***/fhir"; "/m/abc/sessions/def" becomes "/m/***/sessions/***".</summary>
    public static string Mask(string path)
    {
        var (start, length) = TokenIn(path);
        if (length == 0)
        {
            return path;
        }
        path = string.Concat(path.AsSpan(0, start), "***", path.AsSpan(start + length));
        var inner = path.IndexOf(Sessions, start + 3, StringComparison.OrdinalIgnoreCase);
        if (inner >= 0)
        {
            var from = inner + Sessions.Length;
            var end = path.IndexOf('/', from);
            var innerLength = (end < 0 ? path.Length : end) - from;
            if (innerLength > 0)
            {
                path = string.Concat(path.AsSpan(0, from), "***", path.AsSpan(from + innerLength));
            }
        }
        return path;
    }

    /// <summary>Where the token segment starts and how long it is; length 0 when there is none.</summary>
    private static (int Start, int Length) TokenIn(string? path)
    {
        foreach (var prefix in Prefixes)
        {
            if (path is not null && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var end = path.IndexOf('/', prefix.Length);
                return (prefix.Length, (end < 0 ? path.Length : end) - prefix.Length);
            }
        }
        return default;
    }
}
