using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;

namespace KneeReset.Web.Api;

/// <summary>GET /version: which build, rules and questionnaire answer here, so an upgrade can be checked instance by instance.</summary>
public static class VersionApi
{
    public sealed record VersionInfo(string Version, string? Commit, string Rules, string Questionnaire);

    public static IEndpointRouteBuilder MapVersion(this IEndpointRouteBuilder app)
    {
        app.MapGet("/version", (ContentCatalog content) => TypedResults.Ok(Describe(content)))
            .WithTags("Version")
            .WithSummary("Which build, rule set and questionnaire this instance answers with")
            .Produces<VersionInfo>();
        return app;
    }

    public static VersionInfo Describe(ContentCatalog content) =>
        new(AppVersion.Version, AppVersion.Commit, content.Rules.RuleSet.Version, content.Questions.Version);
}
