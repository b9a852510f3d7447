namespace KneeReset.Web.FollowUp;

public static class FollowUpSetup
{
    /// <summary>What follows a result: the clinician's plan, progressions, sessions, the running ladder and the weekly check-ins.</summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddScoped<ClinicianPlans>();
        services.AddScoped<Progressions>();
        services.AddScoped<SessionLog>();
        services.AddScoped<Ladders>();
        services.AddScoped<CalendarFeed>();
        services.AddScoped<WeeklyCheckIns>();
        // A clinician's followed runners, and the opt-in email when one should see a clinician.
        services.AddScoped<RunnerFollows>();
        services.AddScoped<EscalationMail>();
        services.AddSingleton<EscalationAlerts>();
        return services;
    }
}
