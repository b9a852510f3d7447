using System.Text.Json;
using System.Text.Json.Serialization;
using KneeReset.Core.Outcomes;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Recovery;
using KneeReset.Core.ReturnToRun;
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

    /// <summary>The rule set, checked: every rule's time frame fits its level, every time frame has its plain words, and every sign to watch for names its triage rule.</summary>
    public static RuleSet ReadRuleSet(string contentDir)
    {
        var path = Path.Combine(contentDir, "rules.json");
        var rules = Read<RuleSet>(path);
        var problems = rules.Triage.Select(TimeFrames.Misfit).OfType<string>()
            .Concat(Enum.GetValues<TimeFrame>().Select(Vocabulary.Word).Where(w => !rules.TimeFrames.ContainsKey(w)).Select(w => $"time frame {w} has no words"))
            .Concat(rules.WatchFor.Where(w => rules.Triage.All(t => t.Id != w.Rule)).Select(w => $"watchFor sign \"{w.Sign}\" names no triage rule {w.Rule}"))
            .ToList();
        return problems.Count == 0 ? rules : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}.");
    }

    /// <summary>The pain model, checked against the rule set its escalations take their time frames from.</summary>
    public static PainModel ReadPainModel(string contentDir, RuleSet rules)
    {
        var path = Path.Combine(contentDir, "pain-model.json");
        var model = Read<PainModel>(path);
        var problems = model.Problems(rules).ToList();
        return problems.Count == 0 ? model : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}.");
    }

    /// <summary>The return-to-running ladder, checked against the rule set (escalations' time frames) and the pain model (its zones).</summary>
    public static RunLadder ReadRunLadder(string contentDir, RuleSet rules, PainModel pain)
    {
        var path = Path.Combine(contentDir, "return-to-run.json");
        var ladder = Read<RunLadder>(path);
        var problems = ladder.Problems(rules, pain).ToList();
        return problems.Count == 0 ? ladder : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}.");
    }

    /// <summary>The weekly check-in's measures (content/outcome-measures.json), checked.</summary>
    public static OutcomeMeasures ReadOutcomeMeasures(string contentDir)
    {
        var path = Path.Combine(contentDir, "outcome-measures.json");
        var measures = Read<OutcomeMeasures>(path);
        var problems = measures.Problems().ToList();
        return problems.Count == 0 ? measures : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}.");
    }
}
