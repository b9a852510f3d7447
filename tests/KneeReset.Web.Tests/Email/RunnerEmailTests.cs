using System.Net;
using System.Text;

namespace KneeReset.Web.Tests.Email;

/// <summary>"Email me my private link" on the private page: the link arrives, the address is kept nowhere.</summary>
public sealed class RunnerEmailTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private const string EmailForm = "form[action$='/email']";

    [Fact]
    public async Task The_private_link_arrives_by_email_and_the_address_is_neither_stored_nor_logged()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var address = $"runner.{Guid.NewGuid():N}@mail.test";

        using var sent = await (await HtmlForm.OpenAsync(runner, manage, EmailForm)).Set("Input.Email", address).SubmitAsync();

        Assert.Equal(manage, Browser.AssertRedirect(sent));
        var page = await runner.GetPageAsync(manage);
        Assert.Contains("We've emailed you the link to this private page. We didn't keep your address.", page.Body!.TextContent, StringComparison.Ordinal);
        var message = app.Mail.Single(address);
        Assert.Equal(manage, SentMail.LinkIn(message, "http://localhost"));
        Assert.Contains($"href=\"http://localhost{manage}\"", message.HtmlBody, StringComparison.Ordinal);
        await runner.GetPageAsync(SentMail.LinkIn(message, "http://localhost"));
        await AssertKeptNowhereAsync(app, address, manage);
    }

    [Theory]
    [InlineData("", "Enter the email address to send your private link to.")]
    [InlineData("not-an-address", "That doesn't look like an email address, e.g. name@example.com.")]
    public async Task A_missing_or_wrong_address_is_explained_and_nothing_is_sent(string address, string message)
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var before = app.Mail.All().Count;

        using var response = await (await HtmlForm.OpenAsync(runner, manage, EmailForm)).Set("Input.Email", address).SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#email-link-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.NotNull(page.QuerySelector(EmailForm));
        Assert.Equal(before, app.Mail.All().Count);
    }

    [Fact]
    public async Task An_unknown_private_link_sends_nothing()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var form = await HtmlForm.OpenAsync(runner, manage, EmailForm);
        var before = app.Mail.All().Count;

        // The form's fields, posted to a private link that doesn't exist.
        using var response = await runner.PostAsync(new Uri($"/m/{new string('a', 22)}/email", UriKind.Relative),
            new FormUrlEncodedContent([new("Input.Email", "someone@mail.test"), new("__RequestVerificationToken", form.Value("__RequestVerificationToken")!)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, app.Mail.All().Count);
    }

    /// <summary>The address is in no table (the SQLite file and its journal, read as bytes) and in no log event.</summary>
    internal static Task AssertKeptNowhereAsync(AppUnderTest app, string address, string manage)
    {
        foreach (var e in app.Log.Events)
        {
            var text = LogCollector.Text(e);
            Assert.DoesNotContain(address, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(RunnerResults.TokenOf(manage), text, StringComparison.Ordinal);
        }
        Assert.Contains(app.Log.Events, e => LogCollector.Text(e).Contains("Email \"private-link\" sent to \"a runner (address not kept)\"", StringComparison.Ordinal));
        if (app.Database is SqliteTestDatabase sqlite)
        {
            foreach (var file in new[] { sqlite.File, sqlite.File + "-wal", sqlite.File + "-journal" }.Where(File.Exists))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                Assert.DoesNotContain(address, Encoding.UTF8.GetString(copy.ToArray()), StringComparison.OrdinalIgnoreCase);
            }
        }
        return Task.CompletedTask;
    }
}
