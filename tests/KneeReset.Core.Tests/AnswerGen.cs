using System.Text.Json.Nodes;
using CsCheck;
using KneeReset.Core.Questionnaire;

namespace KneeReset.Core.Tests;

/// <summary>Generated answer sets covering the whole question bank, for property tests.</summary>
public static class AnswerGen
{
    /// <summary>
    /// Lists of warning answers (red flags, health background, pain higher up the leg, swelling): each
    /// value ticked as rarely as a red flag, so most generated answers are not urgent and the other
    /// properties still meet self-care and see-a-clinician results.
    /// </summary>
    private static readonly HashSet<string> RiskLists = ["red_flags", "health_background", "pain_elsewhere", "swelling"];

    /// <summary>Every question answered or not (required ones always), with any value its range or options allow.</summary>
    public static Gen<JsonObject> Any { get; } = Build(TestContent.Questions.Questions.ToList(), redFlagOdds: 8);

    /// <summary>Answers with pain only on the outer side of the knee, which fits one cause alone.</summary>
    public static Gen<JsonObject> OuterSideOnly { get; } = Any.Select(answers =>
    {
        answers["location"] = new JsonArray("outer_side");
        return answers;
    });

    /// <summary>Training-load answers only: load changes, weekly distances and longest runs (zero bases included).</summary>
    public static Gen<JsonObject> Load { get; } = Build(
        TestContent.Questions.Questions.Where(q => q.Id is "weekly_km_now" or "weekly_km_month_ago" or "longest_run_km_recent" or "longest_run_km_month_before").ToList(),
        redFlagOdds: 1)
        .Select(Subset(["mileage_spike", "added_hills", "added_speed_work", "added_jumping_sport", "added_heavy_strength", "returned_from_break"], 3), (load, changes) =>
        {
            load["training_changes"] = changes;
            return load;
        });

    /// <summary>
    /// One answer that can only add to the worry: a red flag, a health background item, hip or thigh
    /// pain, swelling, or the most worrying value of a single-choice question. Lists are merged into
    /// the answers (<see cref="With"/>); a single choice replaces the one given.
    /// </summary>
    public static Gen<(string Id, string Value)> RiskAnswer { get; } = Gen.OneOf(
        RiskLists.SelectMany(id => TestContent.Questions.Find(id)!.Options.Select(o => (Id: id, o.Value)))
            .Concat([("pregnancy", "pregnant"), ("pregnancy", "recently_gave_birth"), ("pain_trend", "worse_despite_rest"), ("morning_stiffness_duration", "30_minutes_or_more")])
            .ToArray());

    /// <summary>
    /// Any answers, half of them made mild first (no warning answers, pain 3/10, no timing or
    /// duration), so that adding one warning answer often meets a result it could make slower.
    /// </summary>
    public static Gen<JsonObject> AnyOrMild { get; } = Gen.Select(Any, Gen.Bool, (answers, mild) =>
    {
        if (mild)
        {
            foreach (var id in RiskLists.Where(id => id != "red_flags").Concat(["pregnancy", "pain_trend", "morning_stiffness_duration", "timing", "duration_weeks"]))
            {
                answers.Remove(id);
            }
            answers["red_flags"] = new JsonArray();
            answers["worst_pain"] = 3;
        }
        return answers;
    });

    /// <summary>The answers with one risk answer added (see <see cref="RiskAnswer"/>).</summary>
    public static JsonObject WithRisk(JsonObject answers, (string Id, string Value) risk) =>
        With(answers, new JsonObject { [risk.Id] = TestContent.Questions.Find(risk.Id)!.Kind == QuestionKind.Multi ? new JsonArray(risk.Value) : risk.Value });

    public static Answers ToAnswers(JsonObject json) => TestContent.Answers(json.ToJsonString());

    /// <summary>The answers with the extra ones laid over them (multi-choice answers are merged).</summary>
    public static JsonObject With(JsonObject answers, JsonObject extra)
    {
        var merged = (JsonObject)answers.DeepClone();
        foreach (var (id, value) in extra)
        {
            merged[id] = merged[id] is JsonArray existing && value is JsonArray more
                ? new JsonArray(existing.Select(v => (string)v!).Union(more.Select(v => (string)v!)).Select(v => (JsonNode)v).ToArray())
                : value?.DeepClone();
        }
        return merged;
    }

    private static Gen<JsonObject> Build(IReadOnlyList<Question> questions, int redFlagOdds) =>
        questions.Aggregate(Gen.Const(new List<(string, JsonNode?)>()), (list, q) => Gen.Select(list, Answer(q, redFlagOdds), (l, v) => l.Append((q.Id, v)).ToList()))
            .Select(pairs =>
            {
                var json = new JsonObject();
                foreach (var (id, value) in pairs.Where(p => p.Item2 is not null))
                {
                    json[id] = value;
                }
                return json;
            });

    private static Gen<JsonNode?> Answer(Question q, int redFlagOdds)
    {
        var value = q.Kind switch
        {
            QuestionKind.Integer => Gen.Int[(int)q.Min!.Value, (int)q.Max!.Value].Select(n => (JsonNode?)n),
            QuestionKind.Number => Gen.OneOf(Gen.Const(0.0), Gen.Int[(int)q.Min!.Value, (int)Math.Min(q.Max!.Value, 120)].Select(n => (double)n), Gen.Double[q.Min!.Value, q.Max!.Value].Select(d => Math.Round(d, 1)))
                .Select(n => (JsonNode?)n),
            QuestionKind.Boolean => Gen.Bool.Select(b => (JsonNode?)b),
            QuestionKind.Single => Gen.OneOf(q.Options.Select(o => o.Value).ToArray()).Select(v => (JsonNode?)v),
            _ when RiskLists.Contains(q.Id) => Subset(q.Options.Select(o => o.Value).ToArray(), redFlagOdds).Select(a => (JsonNode?)a),
            _ => Subset(q.Options.Select(o => o.Value).ToArray(), 2).Select(a => (JsonNode?)a),
        };
        if (q.Id == "location")
        {
            value = value.Where(v => v!.AsArray().Count > 0);
        }
        return q.Required ? value : Gen.Frequency((2, Gen.Const((JsonNode?)null)), (5, value));
    }

    /// <summary>Each value chosen with odds of 1 in <paramref name="odds"/>.</summary>
    private static Gen<JsonArray> Subset(string[] values, int odds) =>
        Gen.Frequency((odds - 1, Gen.Const(false)), (1, Gen.Const(true))).Array[values.Length]
            .Select(chosen => new JsonArray(values.Where((_, i) => chosen[i]).Select(v => (JsonNode)v).ToArray()));
}
