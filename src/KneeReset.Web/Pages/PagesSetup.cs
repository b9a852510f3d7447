using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Pages.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace KneeReset.Web.Pages;

public static class PagesSetup
{
    /// <summary>Razor Pages with their conventions (antiforgery, the staff area's roles, the runner's private addresses) and validation.</summary>
    public static IServiceCollection AddKneeResetPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Every form posts with an antiforgery token.
            options.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
            // The staff area: every page needs a signed-in staff member with the right role.
            options.Conventions.AuthorizeAreaFolder("Staff", "/", StaffRoles.StaffPolicy);
            options.Conventions.AuthorizeAreaFolder("Staff", "/Library", StaffRoles.LibraryPolicy);
            options.Conventions.AuthorizeAreaFolder("Staff", "/Accounts", StaffRoles.AdminPolicy);
            options.Conventions.AuthorizeAreaPage("Staff", "/Audit", StaffRoles.AdminPolicy);
            options.Conventions.AuthorizeAreaFolder("Staff", "/Runners", StaffRoles.ClinicianPolicy);
            options.Conventions.AllowAnonymousToAreaPage("Staff", "/SignIn");
            options.Conventions.AllowAnonymousToAreaPage("Staff", "/Invite");
            options.Conventions.AllowAnonymousToAreaPage("Staff", "/ForgotPassword");
            options.Conventions.AllowAnonymousToAreaPage("Staff", "/ResetPassword");
            options.Conventions.AllowAnonymousToAreaPage("Staff", "/Denied");
            // Sessions attach to a result only through the runner's private link: the player and the saved
            // session have a second address under /m/{manage}/ (masked in logs, never cached, no referrer).
            // Added beside the public route, not with AddPageRoute, which would stop links to the public one.
            options.Conventions.AddPageRouteModelConvention("/Routines/Show", AlsoAt("m/{manage}/routines/{slug}"));
            options.Conventions.AddPageRouteModelConvention("/Routines/Play", AlsoAt("m/{manage}/play/{slug}"));
            options.Conventions.AddPageRouteModelConvention("/Sessions/Show", AlsoAt("m/{manage}/sessions/{token}"));
        }).AddMvcOptions(options =>
        {
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            // Every page, the staff area's too (Conventions.ConfigureFilter reaches no area).
            options.Filters.Add(new UnknownHandlers());
        });
        services.AddPageValidation();
        // The result pages' content, composed once for the shared page and the private page alike.
        services.AddScoped<ResultViews>();
        return services;
    }

    private static Action<PageRouteModel> AlsoAt(string template) => model =>
        model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template } });
}
