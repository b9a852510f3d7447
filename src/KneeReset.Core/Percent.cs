using System.Globalization;

namespace KneeReset.Core;

/// <summary>The one way a percentage is written, on every page and in every evidence line: "119.8%".</summary>
public static class Percent
{
    /// <summary>At most one decimal, a point whatever the culture, no space before the sign.</summary>
    public static string Text(double percent) => percent.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Facts whose names end so are percentages: evidence templates write "{fact}" and get "30%".</summary>
    public const string FactSuffix = "_percent";
}
