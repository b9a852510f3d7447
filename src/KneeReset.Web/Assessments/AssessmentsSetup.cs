
namespace KneeReset.Web.Assessments;

public static class AssessmentsSetup
{
    /// <summary>Taking the questionnaire, storing results, share passcodes and retention.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AssessmentService>();
        services.AddScoped<WizardService>();
        services.AddSingleton<AnswersValidatorCache>();
        services.AddOptions<PasscodeOptions>().Bind(configuration.GetSection(PasscodeOptions.Section))
            .Validate(o => o.MaxAttempts > 0 && o.LockMinutes > 0, "SharePasscodes:MaxAttempts and LockMinutes must be above 0.")
            .ValidateOnStart();
        services.AddScoped<SharePasscodes>();
        services.AddScoped<ShareLinks>();
        services.AddRetention(configuration);
        return services;
    }
}
