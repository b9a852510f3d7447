namespace KneeReset.Web.Fhir;

public static class FhirSetup
{
    /// <summary>The FHIR R4 export of an assessment (its routes: <see cref="FhirApi.MapFhirApi"/>).</summary>
    public static IServiceCollection AddFhirExport(this IServiceCollection services) => services.AddSingleton<FhirExport>();
}
