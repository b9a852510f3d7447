using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeReset.Web.Api;

/// <summary>
/// The API's contract: its OpenAPI document at /openapi/v1.json, which
/// describes every /api and FHIR endpoint, and /version, with its responses and problem types.
/// </summary>
public static class ApiDocument
{
    /// <summary>The OpenAPI document at /openapi/v1.json, for the /api, /version and FHIR routes.</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => IsApi(description.RelativePath);
            options.AddDocumentTransformer<AboutTheApi>();
            options.AddDocumentTransformer<AnswersSchema>();
            options.AddDocumentTransformer<SelfTestSchema>();
            options.AddOperationTransformer(DescribeBody);
            options.AddOperationTransformer(DescribeFhirResponse);
            options.AddOperationTransformer(DescribeErrorPage);
        });
        return services;
    }

    /// <summary>The JSON API, /version and the FHIR export; not the pages, health checks, metrics or media files.</summary>
    private static bool IsApi(string? path) =>
        path is not null && (path.StartsWith("api/", StringComparison.Ordinal) || path == "version" || path.StartsWith("fhir/", StringComparison.Ordinal)
            || ((path.StartsWith("r/", StringComparison.Ordinal) || path.StartsWith("m/", StringComparison.Ordinal)) && path.EndsWith("/fhir", StringComparison.Ordinal)));

    /// <summary>The request body an endpoint reads itself (see <see cref="DocumentedBody"/>).</summary>
    private static async Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().FirstOrDefault() is not { } body)
        {
            return;
        }
        // A named component, as the generator makes for the types it finds itself.
        var document = context.Document!;
        document.AddComponent(body.Type.Name, await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken));
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [body.ContentType] = new() { Schema = new OpenApiSchemaReference(body.Type.Name, document) },
            },
        };
    }

    /// <summary>A FHIR endpoint's 200: the resource as application/fhir+json, its full shape defined by FHIR R4.</summary>
    private static Task DescribeFhirResponse(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<FhirResponse>().FirstOrDefault() is not { } fhir)
        {
            return Task.CompletedTask;
        }
        var page = $"https://hl7.org/fhir/R4/{fhir.ResourceType.ToLowerInvariant()}.html";
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = $"A FHIR R4 {fhir.ResourceType}",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [fhir.MediaType] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = $"A FHIR R4 {fhir.ResourceType} resource in FHIR's JSON format: {page}",
                        ExternalDocs = new OpenApiExternalDocs { Url = new Uri(page) },
                        Required = new HashSet<string> { "resourceType" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = fhir.ResourceType },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    /// <summary>A status answered with the HTML error page as well as a problem (see <see cref="ErrorPageResponse"/>).</summary>
    private static Task DescribeErrorPage(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var page in context.Description.ActionDescriptor.EndpointMetadata.OfType<ErrorPageResponse>())
        {
            var status = page.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.GetValueOrDefault(status) is OpenApiResponse { } response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content["text/html"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The app's error page." } };
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The document's title, and its server from App:PublicBaseUrl: never the Host header a request came with.</summary>
    private sealed class AboutTheApi(PublicLinks links) : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "KneeReset API",
                Version = "v1",
                Description = "Knee-pain self-assessment for runners: the question bank, assessments and their results, the routine "
                    + "library, training-file import, and the FHIR R4 export. Errors are RFC 9457 problem details. Not a diagnosis.",
            };
            document.Servers = links.IsAbsolute ? [new OpenApiServer { Url = links.To("/") }] : [];
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Endpoint metadata: the body the handler reads itself (bounded and checked before any binding),
/// for the document only. Accepts() would describe it too, but routing would then answer a wrong
/// content type with a bare 415 before the handler could explain it in a problem.
/// </summary>
public sealed record DocumentedBody(Type Type, string ContentType);

/// <summary>Endpoint metadata: the endpoint answers 200 with this FHIR resource type in this media type, for the document only.</summary>
public sealed record FhirResponse(string MediaType, string ResourceType);

/// <summary>
/// Endpoint metadata: besides its documented problem, <paramref name="StatusCode"/> may come as the
/// HTML error page (the rate limiter answers outside /api that way), for the document only.
/// </summary>
public sealed record ErrorPageResponse(int StatusCode);
