using System.Text.Json.Nodes;
using KneeReset.Web.Content;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeReset.Web.Api;

/// <summary>The self-test ids in the document, from content/return-to-run.json: the generator only knows "a string".</summary>
internal sealed class SelfTestSchema(ContentCatalog content) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(nameof(NewSelfTest), out var schema) && schema is OpenApiSchema { Properties: { } properties })
        {
            properties["test"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The self-test's id in the ladder's content.",
                Enum = [.. content.Ladder.Ladder.Entry.SelfTests.Select(t => (JsonNode)JsonValue.Create(t.Id))],
            };
        }
        return Task.CompletedTask;
    }
}
