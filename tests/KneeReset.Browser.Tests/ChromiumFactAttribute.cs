namespace KneeReset.Browser.Tests;

/// <summary>
/// A browser test: runs where Debian's Chromium is installed, is skipped with the reason on
/// a developer machine without it, and always runs under CI (CI=true), where a missing
/// Chromium fails the test instead of hiding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium); browser tests run under CI.";
        }
    }
}

/// <summary>A browser test run once per case (a width, say), skipped as <see cref="ChromiumFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Chromium is not installed at {ChromiumFactAttribute.ChromiumPath} (apt-get install -y chromium); browser tests run under CI.";
        }
    }
}
