using System.Net;

namespace KneeReset.Web.Tests;

/// <summary>Driving the real sign-in page as a person would, and reading what staff pages say back.</summary>
public static class StaffPages
{
    public const string CookieName = "kneereset.staff";

    /// <summary>Opens /Staff/SignIn (with <paramref name="returnUrl"/> when given) and submits the email and password.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/Staff/SignIn" : $"/Staff/SignIn?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await HtmlForm.OpenAsync(client, url);
        return await form.Set("Input.Email", email).Set("Input.Password", password).SubmitAsync();
    }

    /// <summary>Signs in, asserting it worked (a redirect into the staff area).</summary>
    public static async Task SignInOrFailAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {await ErrorsAsync(response)}");
    }

    /// <summary>The text of a page's error summary (or a note saying there is none, for assertion messages).</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await Browser.ParseAsync(response);
        return page.QuerySelector(".error-summary")?.TextContent.Trim() ?? $"(no error summary; status {(int)response.StatusCode})";
    }

    public static bool SetsStaffCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal) && !c.StartsWith(CookieName + "=;", StringComparison.Ordinal));
}
