namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>After a re-take the old private page points to the newer result (issue 11, finding 9).</summary>
public class RetakeTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_old_private_page_points_to_the_newer_result_after_a_retake()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        Assert.Null((await runner.GetPageAsync(manage)).QuerySelector(".newer-result"));

        using var retake = await RunnerResults.PostFormAsync(runner, manage, "Retake");
        var step = Browser.AssertRedirect(retake);
        var review = $"/assess/{Wizard.DraftOf(step)}/review";
        using var finished = await runner.SubmitAsync(review, nav: null);
        var newer = Browser.AssertRedirect(finished);
        Assert.NotEqual(manage, newer);

        var old = await runner.GetPageAsync(manage);
        var pointer = old.QuerySelector(".newer-result")!;
        Assert.Contains("You re-took this assessment on", pointer.TextContent, StringComparison.Ordinal);
        Assert.Equal(newer, pointer.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null((await runner.GetPageAsync(newer)).QuerySelector(".newer-result"));
        Assert.DoesNotContain(RunnerResults.TokenOf(newer), (await runner.GetStringAsync(new Uri(share, UriKind.Relative))), StringComparison.Ordinal);
    }
}
