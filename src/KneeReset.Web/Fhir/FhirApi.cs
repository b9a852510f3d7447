using System.Globalization;
using KneeReset.Web.Api;
using KneeReset.Web.Assessments;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace KneeReset.Web.Fhir;

/// <summary>
/// GET /fhir/Questionnaire, GET /fhir/StructureDefinition/{id}, GET /r/{token}/fhir and GET /m/{manage}/fhir: FHIR R4
/// resources as application/fhir+json, written by the Firely serializer.
/// </summary>
public static class FhirApi
{
    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR");
        fhir.MapGet("/Questionnaire", (FhirExport export) => Resource(export.Questionnaire()))
            .WithMetadata(new FhirResponse(FhirExport.MediaType, "Questionnaire"));
        // The export's own extensions, each at the path of its canonical URL.
        fhir.MapGet("/StructureDefinition/{id}", GetStructureDefinition)
            .WithMetadata(new FhirResponse(FhirExport.MediaType, "StructureDefinition"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/r/{token}/fhir", GetResultAsync)
            .WithTags("FHIR")
            .WithMetadata(new FhirResponse(FhirExport.MediaType, "Bundle"))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            // Too many wrong passcodes is a problem; the per-client limit on token addresses answers
            // outside /api with the error page, as it does for the result page itself.
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new ErrorPageResponse(StatusCodes.Status429TooManyRequests));
        // The runner's own copy from their private page: the private link is the owner's credential, so no passcode.
        app.MapGet("/m/{manage}/fhir", GetOwnResultAsync)
            .WithTags("FHIR")
            .WithMetadata(new FhirResponse(FhirExport.MediaType, "Bundle"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new ErrorPageResponse(StatusCodes.Status429TooManyRequests));
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetOwnResultAsync(
        string manage, HttpContext context, AssessmentService assessments, WeeklyCheckIns checkIns, FhirExport export, PublicLinks links, CancellationToken cancellationToken)
    {
        if (await assessments.FindByManageTokenAsync(manage, cancellationToken) is not { } record)
        {
            return AssessmentProblems.NotFound();
        }
        OfferAsFile(context, record);
        return Resource(export.Result(record, new Uri(links.To($"/r/{record.Token}"), UriKind.RelativeOrAbsolute), (await checkIns.ForSeriesAsync(record.Stored, cancellationToken)).CheckIns));
    }

    /// <summary>
    /// The pages' download links add ?download: the browser saves a named file and the runner or
    /// clinician stays on the page, instead of landing on raw JSON with no way on. Systems that GET
    /// the address without it read the Bundle inline, as before.
    /// </summary>
    private static void OfferAsFile(HttpContext context, LoadedAssessment record)
    {
        if (context.Request.Query.ContainsKey("download"))
        {
            var day = record.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"knee-assessment-{day}.fhir.json" }.ToString();
        }
    }

    private static Results<ContentHttpResult, ProblemHttpResult> GetStructureDefinition(string id) =>
        FhirExtensions.Find(id) is { } definition
            ? Resource(definition)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No StructureDefinition with this id.");

    /// <summary>A result as a collection Bundle; behind its passcode (the header, or the page's unlock cookie) when it has one.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetResultAsync(
        string token, HttpContext context, AssessmentService assessments, SharePasscodes passcodes, WeeklyCheckIns checkIns, FhirExport export, PublicLinks links, CancellationToken cancellationToken)
    {
        var record = await assessments.FindAsync(token, cancellationToken);
        if (record is null)
        {
            return AssessmentProblems.NotFound();
        }
        if (!passcodes.HasAccess(context, record.Stored)
            && await AssessmentProblems.PasscodeRefusalAsync(record, context.Request.Headers["X-Passcode"].ToString(), passcodes, "This result needs its passcode.", cancellationToken) is { } refused)
        {
            return refused;
        }
        var url = new Uri(links.To($"/r/{token}"), UriKind.RelativeOrAbsolute);
        OfferAsFile(context, record);
        return Resource(export.Result(record, url, (await checkIns.ForSeriesAsync(record.Stored, cancellationToken)).CheckIns));
    }

    private static ContentHttpResult Resource(Hl7.Fhir.Model.Resource resource) =>
        TypedResults.Text(FhirExport.Serialize(resource), FhirExport.MediaType);
}
