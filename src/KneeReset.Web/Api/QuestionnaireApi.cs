using KneeReset.Core;
using KneeReset.Web.Content;

namespace KneeReset.Web.Api;

/// <summary>GET /api/questionnaire: the versioned question bank, as in content/questionnaire.json.</summary>
public static class QuestionnaireApi
{
    public static IEndpointRouteBuilder MapQuestionnaireApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/questionnaire", (ContentCatalog content) => Results.Json(content.Questions, ContentJson.Options))
            .WithTags("Questionnaire");
        return app;
    }
}
