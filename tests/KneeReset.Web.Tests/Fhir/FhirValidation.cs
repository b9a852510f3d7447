using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace KneeReset.Web.Tests.Fhir;

/// <summary>
/// Firely's FHIR R4 validator over the base specification (Hl7.Fhir.Specification.Data.R4's
/// specification.zip, restored from NuGet like any package) and the app's own conformance
/// resources, which it resolves by GETting each canonical URL's path from the app under test.
/// </summary>
public static class FhirValidation
{
    /// <summary>The extension and profile canonicals the app publishes itself.</summary>
    public const string AppCanonicalBase = "https://kneereset.app/fhir/";

    /// <summary>Reading the zip is the slow part: once for the whole run.</summary>
    private static readonly Lazy<IAsyncResourceResolver> BaseSpecification =
        new(() => new CachedResolver(ZipSource.CreateValidationSource()));

    public static IAsyncResourceResolver Specification => BaseSpecification.Value;

    /// <summary>A validator that resolves the base specification and what <paramref name="app"/> serves.</summary>
    public static Validator For(HttpClient app)
    {
        var resolver = new CachedResolver(new SnapshotSource(new MultiResolver(Specification, new AppConformance(app))));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }

    /// <summary>The validator's errors and warnings, one line each, for an assertion message.</summary>
    public static IReadOnlyList<string> Findings(OperationOutcome outcome, params OperationOutcome.IssueSeverity[] severities) =>
        outcome.Issue.Where(i => severities.Contains(i.Severity!.Value))
            .Select(i => $"{i.Severity}: {i.Details?.Text} @ {string.Join(", ", i.Expression)}").ToList();

    /// <summary>The app's own conformance resources, read from the app at the path of their canonical URL.</summary>
    private sealed class AppConformance(HttpClient app) : IAsyncResourceResolver
    {
        private static readonly FhirJsonDeserializer Parser = new();

        public Task<Resource?> ResolveByUriAsync(string uri) => ResolveByCanonicalUriAsync(uri);

        public async Task<Resource?> ResolveByCanonicalUriAsync(string uri)
        {
            var canonical = uri.Split('|')[0];
            if (!canonical.StartsWith(AppCanonicalBase, StringComparison.Ordinal))
            {
                return null;
            }
            using var response = await app.GetAsync(new Uri(new Uri(canonical).AbsolutePath, UriKind.Relative));
            return response.IsSuccessStatusCode ? Parser.Deserialize<Resource>(await response.Content.ReadAsStringAsync()) : null;
        }
    }
}
