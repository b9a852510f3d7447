using System.Net;
using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests;

/// <summary>Helpers for runners' results: create one through the API and find its two links.</summary>
public static class RunnerResults
{
    public static JsonObject KneecapAnswers() => new()
    {
        ["age"] = 34,
        ["side"] = "one",
        ["location"] = new JsonArray("front_kneecap"),
        ["onset"] = "gradual",
        ["duration_weeks"] = 5,
        ["character"] = "dull_ache",
        ["timing"] = new JsonArray("after_run"),
        ["aggravators"] = new JsonArray("stairs_down", "prolonged_sitting"),
        ["worst_pain"] = 4,
        ["weekly_km_now"] = 32.5,
        ["weekly_km_month_ago"] = 30,
        ["shoe_km"] = 420,
        ["single_leg_squat_knee_caves"] = true,
        ["hip_flexors_tight"] = false,
        ["knee_to_wall_cm"] = 8.5,
        ["red_flags"] = new JsonArray(),
    };

    /// <summary>Creates a result; returns its share path (/r/…) and private manage path (/m/…).</summary>
    public static async Task<(string Share, string Manage)> CreateAsync(HttpClient client, JsonObject? answers = null)
    {
        var created = await client.CreateAssessmentAsync(answers ?? KneecapAnswers());
        return (new Uri((string)created["resultUrl"]!).AbsolutePath, new Uri((string)created["manageUrl"]!).AbsolutePath);
    }

    public static string TokenOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, params (string Name, string Value)[] fields)
    {
        var form = await HtmlForm.OpenAsync(client, page, $"form[action*='handler={handler}']");
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }
        var response = await form.SubmitAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{handler} answered {(int)response.StatusCode}");
        return response;
    }
}
