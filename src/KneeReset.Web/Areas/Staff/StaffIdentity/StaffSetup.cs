using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>On a first start with no staff, an admin is created from these two settings (and from nothing else).</summary>
    public string? BootstrapEmail { get; set; }
    public string? BootstrapPassword { get; set; }

    /// <summary>How long a set-password link (an invite or a new password link) works, if not used or replaced first.</summary>
    public int SetPasswordLinkHours { get; set; } = 48;

    /// <summary>How long a "forgot password" link works, if not used first: short, as it is asked for by anyone who types the address.</summary>
    public int PasswordResetLinkMinutes { get; set; } = 60;
}

public static class StaffSetup
{
    public static IServiceCollection AddKneeResetStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section))
            .Validate(o => o.SetPasswordLinkHours is > 0 and <= 720, "Staff:SetPasswordLinkHours must be from 1 to 720 (30 days).")
            .Validate(o => o.PasswordResetLinkMinutes is >= 5 and <= 1440, "Staff:PasswordResetLinkMinutes must be from 5 to 1440 (a day).")
            .ValidateOnStart();
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Password.RequiredUniqueChars = 5;
                // Lockout is kept only for disabled accounts (lockout end set to the far future);
                // wrong passwords are throttled by SignInThrottle instead.
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<KneeResetDbContext>()
            .AddErrorDescriber<StaffPasswordErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SetPasswordLinkTokens>(TokenOptions.DefaultProvider);
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<StaffOptions>>((tokens, staff) =>
            tokens.TokenLifespan = TimeSpan.FromHours(staff.Value.SetPasswordLinkHours));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "kneereset.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/Staff/SignIn";
            cookie.LogoutPath = "/Staff/SignOut";
            cookie.AccessDeniedPath = "/Staff/Denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        // Every request checks the cookie's security stamp against the store, so signing out, being
        // disabled or changing role ends every copy of the session at once (one indexed read a request).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.StaffPolicy, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(StaffRoles.LibraryPolicy, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor))
            .AddPolicy(StaffRoles.AdminPolicy, p => p.RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffRoles.ClinicianPolicy, p => p.RequireRole(StaffRoles.Clinician));
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.Section))
            .Validate(o => o.FailuresBeforeThrottle > 0 && o.ThrottleSeconds > 0 && o.WindowMinutes > 0, "SignIn:FailuresBeforeThrottle, ThrottleSeconds and WindowMinutes must be above 0.")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<DecoyPassword>();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ForgottenPasswords>();
        return services;
    }

    /// <summary>Creates the roles, and the first admin from configuration when there is no staff at all.</summary>
    public static async Task InitialiseStaffAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StaffOptions>>().Value;
        if (options.BootstrapEmail is { Length: > 0 } email && options.BootstrapPassword is { Length: > 0 } password && !await users.Users.AnyAsync())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var (user, errors) = await accounts.CreateAsync(email, null, StaffRoles.Admin, "configuration");
            if (user is null || !(await users.AddPasswordAsync(user, password)).Succeeded)
            {
                throw new InvalidOperationException($"Staff:BootstrapEmail/BootstrapPassword could not create the first admin: {string.Join(" ", errors)}");
            }
        }
    }
}
