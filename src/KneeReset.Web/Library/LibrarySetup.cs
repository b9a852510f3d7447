using KneeReset.Web.Data;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Library;

public static class LibrarySetup
{
    /// <summary>Reading the routine library, and evicting its cached pages when staff change it.</summary>
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddScoped<RoutineLibrary>();
        // Trusted without asking the store only where this process saves every change: SQLite, one instance.
        services.AddSingleton(sp => new PublishedSnapshot(forgottenOnEverySave: sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsSqlite));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, LibrarySnapshotEviction>();
        services.AddSingleton<LibraryCache>();
        return services;
    }
}
