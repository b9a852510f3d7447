using System.Globalization;

namespace KneeReset.Web.Content;

/// <summary>
/// The routine list's filters (its query keys) and the choices its form offers, drawn from content:
/// one list for the page that binds them and for the cache that keeps a page per choice
/// (Caching/CachePolicies), so neither names the other.
/// </summary>
public static class RoutineListFilters
{
    public const string Cause = nameof(Cause);
    public const string Area = nameof(Area);
    public const string Kind = nameof(Kind);
    public const string Minutes = nameof(Minutes);
    public const string NoEquipment = nameof(NoEquipment);

    public static readonly IReadOnlyList<string> Names = [Cause, Area, Kind, Minutes, NoEquipment];

    /// <summary>The form's "time available" choices, in minutes.</summary>
    public static readonly IReadOnlyList<int> TimeChoices = [5, 10, 15, 20, 30];

    private static readonly string[] MinuteChoices = [.. TimeChoices.Select(m => m.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Whether <paramref name="value"/> is one of the choices the form offers for <paramref name="filter"/>.</summary>
    public static bool IsChoice(string filter, string value, ContentCatalog content) => filter switch
    {
        Cause => content.Causes.Find(value) is not null,
        Area => content.LibraryWords.BodyAreas.Contains(value),
        Kind => content.LibraryWords.ExerciseKinds.Contains(value),
        Minutes => MinuteChoices.Contains(value),
        // The checkbox's value; unticked, the form sends nothing.
        NoEquipment => value == "true",
        _ => false,
    };
}
