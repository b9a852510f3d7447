using System.Text.Json;
using System.Text.Json.Serialization;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;

namespace KneeReset.Core;

/// <summary>Reads the content files (camelCase JSON, enums in snake_case) into the domain model.</summary>
public static class ContentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(Vocabulary.Naming) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Options)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid content: {e.Message}", e);
        }
    }

    public static QuestionBank ReadQuestionBank(string contentDir) =>
        Read<QuestionBank>(Path.Combine(contentDir, "questionnaire.json"));

    public static RuleSet ReadRuleSet(string contentDir) =>
        Read<RuleSet>(Path.Combine(contentDir, "rules.json"));
}
