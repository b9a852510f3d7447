namespace KneeReset.Web.Library;

public static class LibrarySetup
{
    /// <summary>Reading the routine library, and evicting its cached pages when staff change it.</summary>
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddScoped<RoutineLibrary>();
        services.AddSingleton<PublishedSnapshot>();
        services.AddSingleton<LibraryCache>();
        return services;
    }
}
