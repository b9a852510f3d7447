using System.Net;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>Headers every response carries (src/KneeReset.Web/Infrastructure/SecurityHeaders.cs).</summary>
public class SecurityHeadersTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/assess")]
    [InlineData("/healthz")]
    [InlineData("/api/questionnaire")]
    [InlineData("/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/r/AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task Every_response_has_a_csp_without_inline_script(string path)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var scriptSrc = Headers.ScriptSrc(response);
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("*", scriptSrc, StringComparison.Ordinal);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Post_responses_have_a_csp_too()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostRawAsync("not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("'unsafe-inline'", Headers.ScriptSrc(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/assess")]
    public async Task Pages_have_no_inline_script(string path)
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetPageAsync(path);

        Assert.All(page.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"Inline script on {path}: {s.Text}"));
        Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onchange], [onsubmit]"));
    }

    [Fact]
    public async Task Pages_without_a_token_keep_a_normal_referrer_policy()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/assess", UriKind.Relative));

        Assert.Equal(["strict-origin-when-cross-origin"], response.Headers.GetValues("Referrer-Policy"));
        Assert.False(response.Headers.Contains("X-Robots-Tag"));
    }
}
