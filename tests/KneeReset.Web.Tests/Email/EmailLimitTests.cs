using System.Net;

namespace KneeReset.Web.Tests.Email;

/// <summary>Asking for email is limited per client: the runner's link by RateLimits:EmailsPerMinute, "forgot password" by the sign-in limit.</summary>
public sealed class EmailLimitTests(EmailLimitTests.OneEachApp app) : IClassFixture<EmailLimitTests.OneEachApp>
{
    [Fact]
    public async Task A_second_private_link_email_in_a_minute_gets_the_too_many_requests_answer()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);

        using var first = await (await HtmlForm.OpenAsync(runner, manage, "form[action$='/email']")).Set("Input.Email", "first@mail.test").SubmitAsync();
        using var second = await (await HtmlForm.OpenAsync(runner, manage, "form[action$='/email']")).Set("Input.Email", "second@mail.test").SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Single(app.Mail.To("first@mail.test"));
        Assert.Empty(app.Mail.To("second@mail.test"));
    }

    [Fact]
    public async Task A_second_forgot_password_request_in_a_minute_gets_the_too_many_requests_answer()
    {
        using var browser = app.CreateBrowser();

        using var first = await (await HtmlForm.OpenAsync(browser, "/Staff/ForgotPassword")).Set("Input.Email", "someone@studio.test").SubmitAsync();
        using var second = await (await HtmlForm.OpenAsync(browser, "/Staff/ForgotPassword")).Set("Input.Email", "someone@studio.test").SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    public sealed class OneEachApp() : KneeResetFactory([new("RateLimits:EmailsPerMinute", "1"), new("RateLimits:SignInsPerMinute", "1")]);
}
