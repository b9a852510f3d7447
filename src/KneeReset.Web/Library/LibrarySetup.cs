namespace KneeReset.Web.Library;

public static class LibrarySetup
{
    /// <summary>Reading the routine library (what is kept of it, and what forgets it: Caching/), and writing its history.</summary>
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddScoped<RoutineLibrary>();
        services.AddScoped<LibraryRevisions>();
        return services;
    }
}
