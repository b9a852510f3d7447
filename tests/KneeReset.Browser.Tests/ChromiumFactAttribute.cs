namespace KneeReset.Browser.Tests;

/// <summary>
/// A browser test: runs where Debian's Chromium is installed, is skipped with the reason on
/// a developer machine without it, and always runs under CI (CI=true), where a missing
/// Chromium fails the test instead of hiding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>
    /// Debian's headless shell (chromium-headless-shell) when it is installed, else Debian's Chromium.
    /// The shell is the same Chromium (Blink, V8, version) without the desktop browser around it,
    /// and what Playwright itself runs headless tests on: the journeys took 143 CPU-seconds there against 244.
    /// </summary>
    public static readonly string ChromiumPath =
        new[] { "/usr/bin/chromium-headless-shell", "/usr/bin/chromium" }.FirstOrDefault(File.Exists) ?? "/usr/bin/chromium";

    /// <summary>Why a browser test is skipped, or null when it runs.</summary>
    internal static string? SkipReason =>
        File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : "Chromium is not installed (apt-get install -y chromium-headless-shell, or chromium); browser tests run under CI.";

    public ChromiumFactAttribute()
    {
        Skip = SkipReason;
    }
}

/// <summary>A browser test run once per case (a width, say), skipped as <see cref="ChromiumFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        Skip = ChromiumFactAttribute.SkipReason;
    }
}
