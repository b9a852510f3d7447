using System.Text.Json.Nodes;
using KneeReset.Core.Questionnaire;
using KneeReset.Web.Content;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeReset.Web.Api;

/// <summary>
/// The "answers" object in the document, written from the question bank: one property per
/// vocabulary id with its type, range and choices. The records hold it as raw JSON (read and
/// checked by AnswerReader), so the generator alone would only say "any object".
/// </summary>
internal sealed class AnswersSchema(ContentCatalog content) : IOpenApiDocumentTransformer
{
    public const string Name = "Answers";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }
        schemas[Name] = Build(content.Questions);
        foreach (var holder in new[] { nameof(NewAssessment), nameof(AssessmentView), nameof(AssessmentCreated) })
        {
            if (schemas.TryGetValue(holder, out var schema) && schema.Properties is { } properties && properties.ContainsKey("answers"))
            {
                properties["answers"] = new OpenApiSchemaReference(Name, document);
            }
        }
        // The raw JSON types the records use for answers are described by Answers now.
        schemas.Remove("JsonElement");
        schemas.Remove("JsonObject");
        return Task.CompletedTask;
    }

    private static OpenApiSchema Build(QuestionBank bank) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"Answers keyed by vocabulary id (question bank {bank.Version}); an unanswered question is left out or null. Distances in km.",
        AdditionalPropertiesAllowed = false,
        Required = bank.Questions.Where(q => q.Required).Select(q => q.Id).Except(bank.RequiredUnlessUrgent()).ToHashSet(),
        Properties = bank.Questions.ToDictionary(q => q.Id, q => (IOpenApiSchema)Answer(q, bank.RequiredUnlessUrgent().Contains(q.Id))),
    };

    private static OpenApiSchema Answer(Question q, bool requiredUnlessUrgent)
    {
        var values = q.Options.Select(o => (JsonNode)JsonValue.Create(o.Value)).ToList();
        var schema = q.Kind switch
        {
            QuestionKind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
            QuestionKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null },
            QuestionKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null },
            QuestionKind.Single => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Enum = [.. values, null!] },
            _ => new OpenApiSchema
            {
                Type = JsonSchemaType.Array | JsonSchemaType.Null,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values },
                MinItems = q.AcceptsNone() ? null : 1,
            },
        };
        schema.Description = q.Prompt + (q.Unit is { } unit ? $" ({unit})" : "")
            + (requiredUnlessUrgent ? " Required, unless the other answers already call for urgent care." : "");
        schema.Minimum = q.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        schema.Maximum = q.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return schema;
    }
}
