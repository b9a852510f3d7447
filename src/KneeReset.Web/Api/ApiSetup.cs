using System.Text.Json;
using System.Text.Json.Serialization;

namespace KneeReset.Web.Api;

public static class ApiSetup
{
    /// <summary>The JSON API's settings and its document (<see cref="ApiDocument"/>).</summary>
    public static IServiceCollection AddKneeResetApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums as the vocabulary writes them (self_care, see_clinician), in responses and in the document alike.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            // Numbers are JSON numbers: the document says "number", not "number or numeric string".
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services.AddApiDocument();
    }
}
