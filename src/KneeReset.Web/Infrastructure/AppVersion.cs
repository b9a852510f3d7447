using System.Reflection;

namespace KneeReset.Web.Infrastructure;

/// <summary>What build this is: the informational version, and the commit where the build knew it (the csproj asks git).</summary>
public static class AppVersion
{
    private static readonly Assembly App = typeof(AppVersion).Assembly;

    public static string Version { get; } =
        App.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? App.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Null when the build had no git (a source archive): better than a made-up value.</summary>
    public static string? Commit { get; } =
        App.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceCommit")?.Value is { Length: > 0 } commit ? commit : null;
}

public sealed class InstanceOptions
{
    public const string Section = "Instance";

    /// <summary>Names this instance on every log line; the machine name unless set.</summary>
    public string Name { get; set; } = Environment.MachineName;
}
