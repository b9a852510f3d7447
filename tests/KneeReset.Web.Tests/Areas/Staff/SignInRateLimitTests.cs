using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeReset.Web.Tests.Areas.Staff;

public class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_while_the_form_still_shows()
    {
        await using var app = new KneeResetFactory();
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInsPerMinute", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SignInAsync("nobody@studio.test", "not the password 1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
