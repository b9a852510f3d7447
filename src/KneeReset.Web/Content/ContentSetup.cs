using Microsoft.Extensions.Options;

namespace KneeReset.Web.Content;

public static class ContentSetup
{
    /// <summary>The content folder (questions, rules, causes, library words), read once into <see cref="ContentCatalog"/>.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Content:Path must name the content folder.")
            .ValidateOnStart();
        services.AddSingleton(sp => new ContentCatalog(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path));
        return services;
    }
}
