using System.Globalization;

namespace KneeReset.Core.Tests;

/// <summary>
/// How many generated cases each CsCheck property tries: a modest number by default, so the suite
/// stays quick under CI, or KNEERESET_PROPERTY_ITERATIONS for a long hunt
/// (<c>KNEERESET_PROPERTY_ITERATIONS=20000 dotnet test</c>). CsCheck draws a new seed every run,
/// so the quick default still covers more cases run after run; a failure prints the seed to replay.
/// Linked into the web tests, so one variable sets both.
/// </summary>
public static class PropertyIterations
{
    public const string Variable = "KNEERESET_PROPERTY_ITERATIONS";

    /// <summary>The variable's count when set (a whole number above 0), else <paramref name="modest"/>, the property's own default.</summary>
    public static int Or(int modest)
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(value))
        {
            return modest;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new InvalidOperationException($"{Variable} must be a whole number above 0, not '{value}'.");
    }
}
