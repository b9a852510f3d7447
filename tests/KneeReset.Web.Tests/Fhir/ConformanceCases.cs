using System.Text;
using System.Text.Json.Nodes;
using KneeReset.Core.Tests.TrainingImport;

namespace KneeReset.Web.Tests.Fhir;

/// <summary>Kinds of result the FHIR export must get right, made through the API or the questionnaire.</summary>
public static class ConformanceCases
{
    public static async Task<JsonObject> AnswersAsync(HttpClient client, string kind) => kind switch
    {
        "self_care" => RunnerResults.KneecapAnswers(),
        "see_clinician" or "urgent" => Vignettes.All.First(v => v.Triage == kind).Answers.DeepClone().AsObject(),
        "every_question_answered" => EveryQuestion(await QuestionsAsync(client)),
        "empty_multi_selects" => EmptyMultiSelects(await QuestionsAsync(client)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case"),
    };

    /// <summary>Every question, at the top of its range, with every choice ticked.</summary>
    private static JsonObject EveryQuestion(IEnumerable<JsonObject> questions)
    {
        var answers = new JsonObject();
        foreach (var q in questions)
        {
            var options = (q["options"] as JsonArray ?? []).Select(o => (JsonNode?)JsonValue.Create((string)o!["value"]!)).ToArray();
            answers[(string)q["id"]!] = (string)q["kind"]! switch
            {
                "integer" => (int)(double)q["max"]!,
                "number" => Math.Round((double)q["max"]! / 3, 1),
                "boolean" => true,
                "single" => options[^1]!.DeepClone(),
                _ => new JsonArray(options),
            };
        }
        return answers;
    }

    /// <summary>The required answers, and every list that may be empty left empty.</summary>
    private static JsonObject EmptyMultiSelects(IEnumerable<JsonObject> questions)
    {
        var answers = new JsonObject { ["location"] = new JsonArray("front_kneecap"), ["onset"] = "gradual", ["worst_pain"] = 3 };
        foreach (var q in questions.Where(q => (string)q["kind"]! == "multi" && !answers.ContainsKey((string)q["id"]!)))
        {
            answers[(string)q["id"]!] = new JsonArray();
        }
        return answers;
    }

    private static async Task<IEnumerable<JsonObject>> QuestionsAsync(HttpClient client) =>
        (await ApiClient.ReadJsonAsync(await client.GetAsync(new Uri("/api/questionnaire", UriKind.Relative))))["steps"]!.AsArray()
            .SelectMany(s => s!["questions"]!.AsArray()).Select(q => q!.AsObject());

    /// <summary>
    /// The questionnaire walked with a GPX file added on the training step (8 km on four Wednesdays,
    /// then 16 km), so the training answers come from the runs; returns the share path.
    /// </summary>
    public static async Task<string> WithImportedRunsAsync(HttpClient client)
    {
        var day = new DateTimeOffset(2025, 10, 31, 7, 30, 0, TimeSpan.Zero);
        var runs = new[] { -30, -23, -16, -9, 0 }.Select(d => new GeneratedRun(day.AddDays(d), d == 0 ? 16 : 8, TimeSpan.FromMinutes(45), "running")).ToArray();
        var answers = RunnerResults.KneecapAnswers();
        answers.Remove("weekly_km_now");
        answers.Remove("weekly_km_month_ago");

        var location = await Wizard.StartAsync(client);
        while (!location.EndsWith("/review", StringComparison.Ordinal))
        {
            if (Wizard.StepOf(location) == "training")
            {
                var form = await HtmlForm.OpenAsync(client, location);
                form.Attach("files", "october.gpx", Encoding.UTF8.GetBytes(TrainingFiles.Gpx11(runs)), "application/gpx+xml");
                using var imported = await form.PressAsync("Add my runs");
                Browser.AssertRedirect(imported);
            }
            var page = await client.GetPageAsync(location);
            using var response = await client.SubmitAsync(page, location, "next", Wizard.FieldsFor(page, answers).ToArray());
            location = Browser.AssertRedirect(response);
        }
        return await Wizard.FinishAsync(client, location);
    }
}
