using Microsoft.Extensions.Options;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// List settings written the way operators write them: "10.0.0.5;10.0.0.6" (an environment
/// variable such as Proxy__KnownProxies, or a plain string in JSON) as well as the indexed form
/// (Proxy__KnownProxies__0). The configuration binder alone binds a plain string to no list at
/// all, silently.
/// </summary>
public static class ListSettings
{
    /// <summary>Binds <paramref name="section"/>, then reads every string-array setting given as one string as a ';'-separated list.</summary>
    public static OptionsBuilder<T> BindWithLists<T>(this OptionsBuilder<T> options, IConfigurationSection section) where T : class =>
        options.Bind(section).Configure(o => SplitLists(o, section));

    internal static void SplitLists(object options, IConfiguration section)
    {
        foreach (var property in options.GetType().GetProperties().Where(p => p.PropertyType == typeof(string[]) && p.CanWrite))
        {
            if (section[property.Name] is { Length: > 0 } text)
            {
                property.SetValue(options, Split(text));
            }
        }
    }

    public static string[] Split(string text) => text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
