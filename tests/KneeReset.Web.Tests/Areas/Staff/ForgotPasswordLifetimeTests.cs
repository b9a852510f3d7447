using KneeReset.Web.Areas.Staff.Pages;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>A forgot-password link lives Staff:PasswordResetLinkMinutes by the app's clock (an app of its own: moving the clock ages every later link too).</summary>
public sealed class ForgotPasswordLifetimeTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_link_past_its_lifetime_is_refused_by_the_apps_clock()
    {
        var fresh = await ForgotPasswordTests.LinkAsync(app, await ForgotPasswordTests.StaffAsync(app, "old 7 password here"));
        var late = await ForgotPasswordTests.LinkAsync(app, await ForgotPasswordTests.StaffAsync(app, "old 7 password here"));

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        using var inTime = await ForgotPasswordTests.SetAsync(app.CreateBrowser(), fresh, "in 8 time password");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var tooLate = await ForgotPasswordTests.SetAsync(app.CreateBrowser(), late, "late 8 password here");

        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(inTime));
        Assert.Contains(ResetPasswordModel.DeadLink, await StaffPages.ErrorsAsync(tooLate), StringComparison.Ordinal);
    }
}
