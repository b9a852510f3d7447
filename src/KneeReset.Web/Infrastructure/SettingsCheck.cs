using Microsoft.Extensions.Options;

namespace KneeReset.Web.Infrastructure;

public static class SettingsCheck
{
    /// <summary>
    /// Runs every ValidateOnStart check now, before anything touches the store: otherwise the host
    /// runs them only as it starts serving, after a misconfigured instance has already migrated
    /// and seeded. A wrong setting throws here, naming it.
    /// </summary>
    public static void ValidateSettings(this IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();
}
