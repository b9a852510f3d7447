using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;

namespace KneeReset.Web.Tests;

/// <summary>The questionnaire walked through its real forms, as a runner without JavaScript would.</summary>
public static class Wizard
{
    public const string NoneValue = "_none";

    /// <summary>Presses Start on /assess; returns the first step's address.</summary>
    public static async Task<string> StartAsync(HttpClient client)
    {
        using var response = await client.SubmitAsync("/assess", nav: null);
        var location = Browser.AssertRedirect(response);
        Assert.Matches("^/assess/[A-Za-z0-9_-]{24}/safety$", location);
        return location;
    }

    /// <summary>The draft id in a step address (/assess/{draft}/{step}).</summary>
    public static string DraftOf(string stepUrl) => stepUrl.Split('/')[2];

    public static string StepOf(string stepUrl) => stepUrl[(stepUrl.LastIndexOf('/') + 1)..];

    /// <summary>Fills the step at <paramref name="stepUrl"/> and presses Next; returns where it redirects.</summary>
    public static async Task<string> NextAsync(HttpClient client, string stepUrl, params (string Name, string Value)[] fields)
    {
        using var response = await client.SubmitAsync(stepUrl, "next", fields);
        return Browser.AssertRedirect(response);
    }

    /// <summary>
    /// Starts a questionnaire and answers every step it asks with the matching
    /// <paramref name="answers"/> (vocabulary JSON), plus <paramref name="extra"/> fields
    /// for a step; stops at the review. Returns the steps asked, in order, and the review address.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Steps, string Review)> AnswerAllAsync(
        HttpClient client, JsonObject answers, IReadOnlyDictionary<string, (string Name, string Value)[]>? extra = null)
    {
        var location = await StartAsync(client);
        var steps = new List<string>();
        while (!location.EndsWith("/review", StringComparison.Ordinal))
        {
            var step = StepOf(location);
            Assert.DoesNotContain(step, steps);
            steps.Add(step);
            var page = await client.GetPageAsync(location);
            var fields = FieldsFor(page, answers).Concat(extra?.GetValueOrDefault(step) ?? []).ToArray();
            using var response = await client.SubmitAsync(page, location, "next", fields);
            location = Browser.AssertRedirect(response);
        }
        return (steps, location);
    }

    /// <summary>
    /// Presses "See my result" on the review, which lands on the runner's private page; returns
    /// the share link's address ("/r/{token}") read from that page.
    /// </summary>
    public static async Task<string> FinishAsync(HttpClient client, string reviewUrl)
    {
        using var response = await client.SubmitAsync(reviewUrl, nav: null);
        var location = Browser.AssertRedirect(response);
        Assert.Matches("^/m/[A-Za-z0-9_-]{22,}$", location);
        var manage = await client.GetPageAsync(location);
        var share = new Uri(manage.QuerySelector("#share-url")!.GetAttribute("value")!).AbsolutePath;
        Assert.Matches("^/r/[A-Za-z0-9_-]{22,}$", share);
        return share;
    }

    /// <summary>
    /// From <paramref name="location"/> (a step's address), answers each step with the matching
    /// <paramref name="answers"/> and presses Next until the address ends with <paramref name="until"/>
    /// (a step's id, or "review"); returns that address.
    /// </summary>
    public static async Task<string> AnswerUntilAsync(HttpClient client, string location, string until, JsonObject answers)
    {
        while (StepOf(location) != until)
        {
            var page = await client.GetPageAsync(location);
            using var response = await client.SubmitAsync(page, location, "next", FieldsFor(page, answers).ToArray());
            location = Browser.AssertRedirect(response);
        }
        return location;
    }

    /// <summary>The form fields (q.&lt;id&gt;) of this page that the answers fill, in the form's own terms.</summary>
    public static IEnumerable<(string Name, string Value)> FieldsFor(IHtmlDocument page, JsonObject answers)
    {
        foreach (var (id, value) in answers)
        {
            var name = $"q.{id}";
            if (value is null || page.QuerySelector($"input[name='{name}']") is null)
            {
                continue;
            }
            switch (value.GetValueKind())
            {
                case JsonValueKind.Array when value.AsArray().Count == 0:
                    yield return (name, NoneValue);
                    break;
                case JsonValueKind.Array:
                    foreach (var choice in value.AsArray())
                    {
                        yield return (name, (string)choice!);
                    }
                    break;
                case JsonValueKind.True:
                    yield return (name, "true");
                    break;
                case JsonValueKind.False:
                    yield return (name, "false");
                    break;
                case JsonValueKind.Number:
                    yield return (name, double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    yield return (name, (string)value!);
                    break;
            }
        }
    }
}
