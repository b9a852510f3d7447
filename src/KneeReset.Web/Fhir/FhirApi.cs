using KneeReset.Web.Assessments;
using KneeReset.Web.Infrastructure;

namespace KneeReset.Web.Fhir;

/// <summary>GET /fhir/Questionnaire and GET /r/{token}/fhir, as application/fhir+json.</summary>
public static class FhirApi
{
    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/Questionnaire", (FhirExport fhir) =>
            Results.Text(FhirExport.Serialize(fhir.Questionnaire()), FhirExport.MediaType));
        app.MapGet("/r/{token}/fhir", async (string token, HttpContext context, AssessmentService assessments, SharePasscodes passcodes, FhirExport fhir, PublicLinks links, CancellationToken cancellationToken) =>
        {
            var record = await assessments.FindAsync(token, cancellationToken);
            if (record is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No assessment at this address.");
            }
            if (!passcodes.HasAccess(context, record.Stored))
            {
                var check = await passcodes.CheckAsync(record.Stored, context.Request.Headers["X-Passcode"].ToString(), cancellationToken);
                if (check.Locked)
                {
                    return Api.AssessmentsApi.TooManyGuesses(check.Until!.Value);
                }
                if (!check.Right)
                {
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This result needs its passcode.");
                }
            }
            var url = new Uri(links.To($"/r/{token}"), UriKind.RelativeOrAbsolute);
            return Results.Text(FhirExport.Serialize(fhir.Result(record, url)), FhirExport.MediaType);
        });
        return app;
    }
}
