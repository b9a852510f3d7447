using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Tests;

/// <summary>
/// Signs staff in for a test from two request headers (role and email), so tests need not
/// script the sign-in page every time. Requests without the header keep the real Identity
/// cookie: anonymous redirects and real sign-ins behave exactly as in production.
/// </summary>
public sealed class TestStaffSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestStaff";
    public const string RoleHeader = "X-Test-Role";
    /// <summary>The email the app sees as User.Identity.Name (revisions and the audit log name it).</summary>
    public const string UserHeader = "X-Test-User";
    private const string Selector = "TestStaffOrCookie";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RoleHeader, out var role) || string.IsNullOrEmpty(role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var name = Request.Headers[UserHeader].FirstOrDefault() ?? $"{role.ToString().ToLowerInvariant()}@studio.test";
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, name),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Email, name),
                new Claim(ClaimTypes.Role, role.ToString()),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>
    /// Makes a selector the default scheme: the test scheme when the role header is present,
    /// Identity's cookie otherwise. Forbidding always goes to the cookie, so a missing role
    /// leads to /Staff/Denied as it does for real.
    /// </summary>
    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = Selector;
                o.DefaultChallengeScheme = Selector;
                o.DefaultForbidScheme = Selector;
            })
            .AddScheme<AuthenticationSchemeOptions, TestStaffSignIn>(SchemeName, _ => { })
            .AddPolicyScheme(Selector, "Test header, else the Identity cookie", o =>
            {
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(RoleHeader) ? SchemeName : IdentityConstants.ApplicationScheme;
                o.ForwardForbid = IdentityConstants.ApplicationScheme;
            });
        return services;
    }
}
