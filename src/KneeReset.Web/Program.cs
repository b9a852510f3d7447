using KneeReset.Web.Api;
using KneeReset.Web.Areas.Staff.Accounts;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using KneeReset.Web.Pages.Assess;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddKneeResetLogging();

builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));
builder.Services.AddSingleton(sp => new ContentCatalog(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<StaffText>();
builder.Services.AddPublicLinks(builder.Configuration);
builder.Services.AddKneeResetStore(builder.Configuration, builder.Environment);
builder.Services.AddScoped<RoutineLibrary>();
builder.Services.AddOutputCache(LibraryCache.Configure);
builder.Services.AddKneeResetSharedCache(builder.Configuration);
builder.Services.AddSingleton<LibraryCache>();
builder.Services.AddScoped<AssessmentService>();
builder.Services.AddScoped<WizardService>();
builder.Services.AddScoped<ClinicianPlans>();
builder.Services.AddScoped<Progressions>();
builder.Services.AddScoped<ResultViews>();
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddOptions<PasscodeOptions>().Bind(builder.Configuration.GetSection(PasscodeOptions.Section))
    .Validate(o => o.MaxAttempts > 0 && o.LockMinutes > 0, "SharePasscodes:MaxAttempts and LockMinutes must be above 0.").ValidateOnStart();
builder.Services.AddScoped<SharePasscodes>();
builder.Services.AddSingleton<KneeReset.Web.Fhir.FhirExport>();
builder.Services.AddKneeResetRateLimits(builder.Configuration);
builder.Services.AddKneeResetStaff(builder.Configuration);
builder.AddHostingSecurity();
builder.Services.AddProblemDetails();
builder.Services.AddRazorPages(options =>
{
    // Every form posts with an antiforgery token.
    options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
    // The staff area: every page needs a signed-in staff member with the right role.
    options.Conventions.AuthorizeAreaFolder("Staff", "/", StaffRoles.StaffPolicy);
    options.Conventions.AuthorizeAreaFolder("Staff", "/Library", StaffRoles.LibraryPolicy);
    options.Conventions.AuthorizeAreaFolder("Staff", "/Accounts", StaffRoles.AdminPolicy);
    options.Conventions.AuthorizeAreaPage("Staff", "/Audit", StaffRoles.AdminPolicy);
    options.Conventions.AllowAnonymousToAreaPage("Staff", "/SignIn");
    options.Conventions.AllowAnonymousToAreaPage("Staff", "/Invite");
    options.Conventions.AllowAnonymousToAreaPage("Staff", "/Denied");
    // Sessions attach to a result only through the runner's private link: the player and the saved
    // session have a second address under /m/{manage}/ (masked in logs, never cached, no referrer).
    options.Conventions.AddPageRoute("/Routines/Play", "m/{manage}/play/{slug}");
    options.Conventions.AddPageRoute("/Sessions/Show", "m/{manage}/sessions/{token}");
}).AddMvcOptions(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);

var app = builder.Build();

// Migrate, seed and create the first admin under one lock: instances starting together take turns.
await app.Services.InitialiseStoreAsync(() => app.Services.InitialiseStaffAsync());
if (StaffCommand.IsStaffCommand(args))
{
    return await StaffCommand.RunAsync(app.Services, args, Console.In, Console.Out);
}

app.UseHostingSecurity();
// Never a stack trace: the API answers with ProblemDetails, pages with a friendly error page.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages
    .UseExceptionHandler("/Error")
    .UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseKneeResetRequestLogging();
app.UseClientErrors();
app.UseRouting();
app.UseRateLimiter();
app.UseOutputCache();
app.UseAuthentication();
app.UseAuthorization();

// Liveness: the process answers. Readiness: the database reads and takes a write (and the
// media folder takes a file, or the answer says Degraded). /healthz stays the readiness check.
app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StoreSetup.ReadyTag) });
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StoreSetup.ReadyTag) });
app.MapQuestionnaireApi();
app.MapAssessmentsApi();
app.MapRoutinesApi();
app.MapTrainingImportApi();
MediaStore.MapMedia(app);
KneeReset.Web.Fhir.FhirApi.MapFhirApi(app);
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
