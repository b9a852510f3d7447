using KneeReset.Web.Api;
using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Assessments;
using KneeReset.Web.Caching;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Email;
using KneeReset.Web.Fhir;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Health;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using KneeReset.Web.Pages;
using KneeReset.Web.Telemetry;

// A start that fails is one JSON error line naming the cause and exit code 1, or 75 when the database did not answer (StartupFailure).
try
{
    return await RunAsync(args);
}
catch (Exception error) when (StartupFailure.OwnsTheProcess && error is not OperationCanceledException)
{
    return StartupFailure.Report(error, Console.Out);
}

static async Task<int> RunAsync(string[] args)
{
    // A container's health probe: no host, no settings, just this instance's readiness.
    if (ProbeCommand.IsProbeCommand(args))
    {
        return await ProbeCommand.RunAsync(ProbeCommand.LocalReadiness(), Console.Out);
    }
    var builder = WebApplication.CreateBuilder(args);
    builder.AddKneeResetLogging();

    builder.Services.AddContent(builder.Configuration);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<StaffText>();
    builder.Services.AddPublicLinks(builder.Configuration);
    builder.Services.AddEmail(builder.Configuration);
    builder.Services.AddKneeResetStore(builder.Configuration, builder.Environment);
    builder.Services.AddKneeResetHealth(builder.Configuration);
    builder.Services.LetProbesAnswerAnyHost();
    builder.Services.AddCaching(builder.Configuration);
    builder.Services.AddLibrary();
    builder.Services.AddAssessments(builder.Configuration);
    builder.Services.AddFollowUp();
    builder.Services.AddFhirExport();
    builder.Services.AddKneeResetRateLimits(builder.Configuration);
    builder.Services.AddKneeResetStaff(builder.Configuration);
    builder.Services.AddLibraryEditing(builder.Configuration);
    builder.AddHostingSecurity();
    builder.Services.AddProblemDetails();
    builder.Services.AddKneeResetApi();
    builder.Services.AddKneeResetPages();
    builder.Services.AddKneeResetTelemetry(builder.Configuration);

    var app = builder.Build();

    // Settings first: a misconfigured instance stops here, naming the setting, before it migrates or seeds.
    app.Services.ValidateSettings();
    // `staff --help` (or a mistyped staff command) prints its usage without touching the store.
    if (StaffCommand.IsStaffCommand(args) && await StaffCommand.UsageAsync(args, Console.Out) is { } usageExit)
    {
        return usageExit;
    }
    // On SQLite the caches in memory assume this is the only process on the file (the staff command
    // changes only accounts, which nothing caches, so it may run beside the site).
    if (!StaffCommand.IsStaffCommand(args))
    {
        app.Services.HoldSqliteForThisProcess();
    }
    // Migrate, seed and create the first admin under one lock: instances starting together take turns.
    var applied = await app.Services.InitialiseStoreAsync(scoped => scoped.SeedLibraryAsync(), scoped => scoped.InitialiseStaffAsync());
    if (MigrateCommand.IsMigrateCommand(args))
    {
        return await MigrateCommand.ReportAsync(applied, Console.Out);
    }
    if (StaffCommand.IsStaffCommand(args))
    {
        return await StaffCommand.RunAsync(app.Services, args, Console.In, Console.Out);
    }

    // AllowedHosts everywhere but the probes, which balancers call by address (Health/ProbeHosts).
    app.UseHostFilteringExceptProbes();
    app.UseHostingSecurity();
    // Never a stack trace: the API answers with ProblemDetails, pages with a friendly error page.
    app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
    app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages
        .UseExceptionHandler("/Error")
        .UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
    app.UseSecurityHeaders();
    app.UseKneeResetRequestLogging();
    app.UseClientErrors();
    app.UseRouting();
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseAuthorization();
    // After authentication: a signed-in clinician or editor is never answered from the cache.
    app.UseOutputCache();

    // Liveness: the process answers. Readiness: the database reads and takes a write (and the
    // media folder takes a file, or the answer says Degraded).
    app.MapHealth();
    app.MapVersion();
    app.MapMetrics();
    app.MapOpenApi();
    app.MapQuestionnaireApi();
    app.MapAssessmentsApi();
    app.MapRoutinesApi();
    app.MapTrainingImportApi();
    app.MapRecoveryApi();
    app.MapRunsApi();
    app.MapCalendarFeed();
    app.MapMedia();
    app.MapFhirApi();
    // Static files from the build's manifest: fingerprinted URLs served immutable, precompressed
    // copies by Accept-Encoding; the ~/ references in views resolve to the fingerprinted URLs.
    app.MapStaticAssets();
    app.MapRazorPages().WithStaticAssets();

    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
