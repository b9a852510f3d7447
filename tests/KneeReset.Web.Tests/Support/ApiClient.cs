using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests;

/// <summary>Small helpers for the JSON API.</summary>
public static class ApiClient
{
    public static Task<HttpResponseMessage> PostAssessmentAsync(this HttpClient client, JsonObject answers) =>
        client.PostRawAsync(new JsonObject { ["answers"] = answers.DeepClone() }.ToJsonString());

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/assessments", UriKind.Relative), content);
    }

    /// <summary>POSTs answers, asserts 201 and returns the created assessment.</summary>
    public static async Task<JsonObject> CreateAssessmentAsync(this HttpClient client, JsonObject answers)
    {
        using var response = await client.PostAssessmentAsync(answers);
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/assessments returned {(int)response.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    public static async Task<JsonObject> GetAssessmentAsync(this HttpClient client, string token)
    {
        using var response = await client.GetAsync(new Uri($"/api/assessments/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject()
            ?? throw new InvalidOperationException("The response body is JSON null.");

    /// <summary>The token at the end of a result URL (".../r/{token}").</summary>
    public static string TokenOf(JsonObject assessment)
    {
        var url = (string)assessment["resultUrl"]!;
        return url[(url.LastIndexOf('/') + 1)..];
    }
}
