using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace KneeReset.Web.Tests.Api;

/// <summary>
/// The OpenAPI document read as a contract: an operation's documented responses, and a real
/// response checked against them. OpenAPI 3.1 schemas are JSON Schema 2020-12, so JsonSchema.Net
/// evaluates a body against its response schema, with the document's component schemas as
/// $defs. Stricter than the document on one point: an object of the app's own types may hold no
/// property the document leaves out (problem details may carry extensions, as RFC 9457 allows).
/// </summary>
public sealed class OpenApiContract(JsonObject document)
{
    private static readonly string[] OpenApiOnlyKeywords = ["externalDocs", "discriminator", "xml", "example"];

    public JsonObject Document { get; } = document;

    public static async Task<OpenApiContract> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"/openapi/v1.json answered {(int)response.StatusCode}");
        return new(await ApiClient.ReadJsonAsync(response));
    }

    /// <summary>"GET /api/assessments/{token}" for every operation the document describes.</summary>
    public IReadOnlyList<string> Operations =>
        [.. Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))];

    public JsonObject Operation(string operation)
    {
        var (method, path) = Split(operation);
        return Document["paths"]?[path]?[method.ToLowerInvariant()] as JsonObject
            ?? throw new InvalidOperationException($"The document has no {operation}.");
    }

    /// <summary>The statuses an operation documents ("200", "404", …).</summary>
    public IReadOnlyList<string> Statuses(string operation) => [.. Operation(operation)["responses"]!.AsObject().Select(r => r.Key)];

    /// <summary>What is wrong with a real response to <paramref name="operation"/>, measured against the document; empty when it fits.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string operation, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Operation(operation)["responses"]?[status] is not JsonObject documented)
        {
            return [$"{operation} answered {status}, which the document does not list ({string.Join(", ", Statuses(operation))})"];
        }
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (documented["content"] is not JsonObject content || content.Count == 0)
        {
            return body.Length == 0 ? [] : [$"{operation} {status}: a {mediaType} body where the document describes none"];
        }
        if (mediaType is null || content[mediaType]?["schema"] is not JsonNode schema)
        {
            return [$"{operation} {status}: content type {mediaType}, documented {string.Join(", ", content.Select(c => c.Key))}"];
        }
        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            // A page, not data: the document can only say it is text.
            return (string?)schema["type"] == "string" ? [] : [$"{operation} {status}: a {mediaType} body whose schema is not a string"];
        }
        using var instance = JsonDocument.Parse(body);
        var results = Build(schema).Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? [] : [.. Errors(results).Select(e => $"{operation} {status}: {e}")];
    }

    /// <summary>The response schema as a standalone 2020-12 schema, the components as $defs.</summary>
    private JsonSchema Build(JsonNode responseSchema)
    {
        var defs = new JsonObject();
        foreach (var (name, component) in Document["components"]?["schemas"]?.AsObject() ?? [])
        {
            var def = Rewrite(component!);
            if (def is JsonObject { } closed && closed.ContainsKey("properties") && !closed.ContainsKey("additionalProperties") && !name.EndsWith("ProblemDetails", StringComparison.Ordinal))
            {
                closed["additionalProperties"] = false;
            }
            defs[name] = def;
        }
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs,
            ["allOf"] = new JsonArray(Rewrite(responseSchema)),
        };
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.Build(JsonSerializer.SerializeToElement(root), options, new Uri($"https://contract.test/{Guid.NewGuid():N}"));
    }

    /// <summary>A copy with component references pointing at $defs and the keywords only OpenAPI knows left out.</summary>
    private static JsonNode Rewrite(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => !OpenApiOnlyKeywords.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key,
            p.Key == "$ref" ? JsonValue.Create(((string)p.Value!).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)) : Copy(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Copy)]),
        _ => node.DeepClone(),
    };

    private static JsonNode? Copy(JsonNode? node) => node is null ? null : Rewrite(node);

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Prepend(results).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));

    private static (string Method, string Path) Split(string operation) =>
        (operation[..operation.IndexOf(' ', StringComparison.Ordinal)], operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
}
