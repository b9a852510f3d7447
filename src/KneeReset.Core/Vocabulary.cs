using System.Text.Json;

namespace KneeReset.Core;

/// <summary>The answer vocabulary's words for the domain's enums: snake_case, as the content files and the API write them.</summary>
public static class Vocabulary
{
    /// <summary>The naming the content files use for enum values; <see cref="ContentJson"/> reads and writes with it.</summary>
    public static JsonNamingPolicy Naming { get; } = JsonNamingPolicy.SnakeCaseLower;

    /// <summary><c>Triage.SeeClinician</c> is "see_clinician".</summary>
    public static string Word<T>(T value) where T : struct, Enum => Naming.ConvertName(value.ToString());
}
