using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Web.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeReset.Web.Api;

/// <summary>GET /api/questionnaire: the versioned question bank, as in content/questionnaire.json.</summary>
public static class QuestionnaireApi
{
    public static IEndpointRouteBuilder MapQuestionnaireApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/questionnaire", GetQuestionnaire)
            .WithTags("Questionnaire")
            .Produces<QuestionBank>();
        return app;
    }

    /// <summary>Written as the content files are (unset fields left out), not with the API's defaults.</summary>
    private static JsonHttpResult<QuestionBank> GetQuestionnaire(ContentCatalog content) =>
        TypedResults.Json(content.Questions, ContentJson.Options);
}
