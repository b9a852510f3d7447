using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// FluentValidation wired once into the MVC pipeline: each page's nested validator fills
/// ModelState (under the bound property's prefix, e.g. <c>Input.Email</c>) before the handler
/// runs. Pages work without JavaScript and the layout loads no client validation library, so
/// validation is server-side only: FluentValidation's client-side adapters are not registered.
/// </summary>
public static class PageValidation
{
    public static IServiceCollection AddPageValidation(this IServiceCollection services)
    {
        // The validators of page inputs (nested in a page model). The library's file validators,
        // which the staff Edit pages bind, are registered by AddLibraryEditing with what they need.
        services.AddValidatorsFromAssembly(typeof(PageValidation).Assembly, ServiceLifetime.Scoped,
            filter: v => v.ValidatorType.DeclaringType?.IsAssignableTo(typeof(PageModel)) == true);
        services.AddFluentValidationAutoValidation();
        return services;
    }
}
