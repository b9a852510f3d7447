namespace KneeReset.Web.FollowUp;

public static class FollowUpSetup
{
    /// <summary>What follows a result: the clinician's plan, progressions and the result pages' views.</summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddScoped<ClinicianPlans>();
        services.AddScoped<Progressions>();
        services.AddScoped<ResultViews>();
        services.AddScoped<SessionLog>();
        services.AddScoped<Ladders>();
        return services;
    }
}
