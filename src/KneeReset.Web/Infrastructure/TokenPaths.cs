using System.Text.RegularExpressions;

namespace KneeReset.Web.Infrastructure;

/// <summary>Paths that carry a secret token (result links, drafts), and how to mask them for logs.</summary>
public static partial class TokenPaths
{
    [GeneratedRegex("^/(r|m|api/assessments|assess|sessions)/[^/]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenSegment();

    public static bool IsTokenPath(PathString path) => path.HasValue && TokenSegment().IsMatch(path.Value!);

    /// <summary>"/r/abc123/fhir" becomes "/r/***/fhir".</summary>
    public static string Mask(string path) =>
        TokenSegment().Replace(path, m => m.Value[..(m.Value.LastIndexOf('/') + 1)] + "***");
}
