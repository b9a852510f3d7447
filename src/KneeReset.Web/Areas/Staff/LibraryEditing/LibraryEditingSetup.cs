using FluentValidation;
using KneeReset.Web.Content;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

public static class LibraryEditingSetup
{
    /// <summary>Editing, checking, importing and picturing the library (staff only).</summary>
    public static IServiceCollection AddLibraryEditing(this IServiceCollection services, IConfiguration configuration)
    {
        // The library's file rules: the Edit pages' automatic validation and every save use the same ones.
        services.AddSingleton(sp => sp.GetRequiredService<ContentCatalog>().LibraryWords);
        services.AddScoped<ExerciseKinds>();
        services.AddScoped<RoutineExercisesValidator>();
        services.AddScoped<IValidator<RoutineFile>, RoutineFileValidator>();
        services.AddScoped<IValidator<ExerciseFile>, ExerciseFileValidator>();
        services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new LibraryFileBinderProvider()));
        services.AddScoped<LibraryChecks>();
        services.AddScoped<LibraryChanges>();
        services.AddScoped<VariationRenames>();
        services.AddScoped<LibraryEditor>();
        services.AddScoped<LibraryTransfer>();
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path) && o.MaxBytes > 0, "Media:Path must be set and Media:MaxBytes above 0.")
            .ValidateOnStart();
        services.AddSingleton<MediaStore>();
        return services;
    }
}
