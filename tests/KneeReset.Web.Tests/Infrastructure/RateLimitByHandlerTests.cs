using System.Net;
using System.Text;
using KneeReset.Core.Tests.TrainingImport;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// Limits that belong to one page handler count the handler that actually runs, and every way of
/// making a draft counts as one (issue 22, finding 5). Token look-ups keep their default budget
/// here, so walking the questionnaire and the private page is not what gets limited.
/// </summary>
public sealed class RateLimitByHandlerTests(RateLimitByHandlerTests.LowLimitsApp app) : IClassFixture<RateLimitByHandlerTests.LowLimitsApp>
{
    private static readonly byte[] LastWeeksRun = Encoding.UTF8.GetBytes(
        TrainingFiles.Gpx11(new GeneratedRun(DateTimeOffset.UtcNow.AddDays(-7), 8, TimeSpan.FromMinutes(44))));

    [Fact]
    public async Task An_import_named_twice_in_the_query_still_counts_as_an_import()
    {
        using var client = app.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var form = await HtmlForm.OpenAsync(client, training);
            // Razor Pages runs the first handler named, in any case; the limit must count what runs.
            form.Page.QuerySelector("button[formaction*='handler=Import']")!.SetAttribute("formaction", training + "?handler=import&handler=Import");
            form.Attach("files", "week.gpx", LastWeeksRun, "application/gpx+xml");
            using var response = await form.PressAsync("Add my runs");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Re_taking_the_check_shares_the_limit_on_new_questionnaires()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        // One questionnaire started, then re-takes: every way of making a draft counts.
        await Wizard.StartAsync(client);
        using (var retake = await RunnerResults.PostFormAsync(client, manage, "Retake"))
        {
            Browser.AssertRedirect(retake);
        }
        var form = await HtmlForm.OpenAsync(client, manage, "form[action*='handler=Retake']");
        using var refused = await form.SubmitAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests", (await Browser.ParseAsync(refused)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_private_page_s_other_posts_do_not_count_as_new_questionnaires()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        for (var i = 0; i < 3; i++)
        {
            using var saved = await RunnerResults.PostFormAsync(client, manage, "Sharing", ("Sharing.Nickname", $"Knee {i}"));
            Browser.AssertRedirect(saved);
        }
        using var retake = await RunnerResults.PostFormAsync(client, manage, "Retake");

        Browser.AssertRedirect(retake);
    }

    private static async Task<string> ToTrainingStepAsync(HttpClient client) =>
        await Wizard.AnswerUntilAsync(client, await Wizard.StartAsync(client), "training", RunnerResults.KneecapAnswers());

    public sealed class LowLimitsApp() : KneeResetFactory(
    [
        new("RateLimits:DraftsPerMinute", "2"),
        new("RateLimits:TrainingImportsPerMinute", "2"),
    ]);
}
