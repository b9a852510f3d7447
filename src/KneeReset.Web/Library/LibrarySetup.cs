using KneeReset.Web.Caching;
using KneeReset.Web.Content;

namespace KneeReset.Web.Library;

public static class LibrarySetup
{
    /// <summary>Reading the routine library (what is kept of it, and what forgets it: Caching/), and writing its history.</summary>
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddPublishedSnapshot<RoutineView>();
        services.AddScoped<RoutineLibrary>();
        services.AddScoped<LibrarySeeder>();
        services.AddScoped<LibraryRevisions>();
        return services;
    }

    /// <summary>Brings the published library up to content/'s edition (run under the start-up lock).</summary>
    public static Task SeedLibraryAsync(this IServiceProvider scoped) =>
        scoped.GetRequiredService<LibrarySeeder>().SeedAsync(scoped.GetRequiredService<ContentCatalog>().Path);

    /// <summary>Exercise pictures staff uploaded, by the content-hash name the store gave out.</summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{name}", (string name, MediaStore media) =>
            media.Find(name) is { } found ? Results.File(found.Path, found.ContentType) : Results.NotFound());
        return app;
    }
}
