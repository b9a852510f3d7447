using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>A set-password link works for Staff:SetPasswordLinkHours, by the app's clock, then never (issue 22, finding 10).</summary>
public sealed class SetPasswordLinkLifetimeTests(SetPasswordLinkLifetimeTests.OneHourLinksApp app) : IClassFixture<SetPasswordLinkLifetimeTests.OneHourLinksApp>
{
    [Fact]
    public async Task A_link_works_within_its_configured_lifetime_and_is_refused_after_it()
    {
        using var admin = app.SignedIn(StaffRoles.Admin);
        var fresh = await InviteTests.InviteAsync(admin, $"fresh.{Guid.NewGuid():N}@studio.test", StaffRoles.Editor);
        var late = await InviteTests.InviteAsync(admin, $"late.{Guid.NewGuid():N}@studio.test", StaffRoles.Editor);
        using var invitee = app.CreateBrowser();

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        using var inTime = await (await HtmlForm.OpenAsync(invitee, fresh)).Set("Input.Password", "in 5 time password").Set("Input.Confirm", "in 5 time password").SubmitAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var tooLate = await (await HtmlForm.OpenAsync(invitee, late)).Set("Input.Password", "too 5 late password").Set("Input.Confirm", "too 5 late password").SubmitAsync();

        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(inTime));
        Assert.Contains("This link is not valid any more. Ask an admin for a new one.", await StaffPages.ErrorsAsync(tooLate), StringComparison.Ordinal);
    }

    public sealed class OneHourLinksApp() : KneeResetFactory([new("Staff:SetPasswordLinkHours", "1")]);
}
