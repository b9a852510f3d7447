namespace KneeReset.Web.Tests.Pages.Assess;

/// <summary>The review page: "Change" edits one answer and comes straight back (issue 11, finding 10).</summary>
public class ReviewTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Change_on_the_review_returns_to_the_review_after_that_one_step()
    {
        using var client = factory.CreateBrowser();
        var (_, review) = await Wizard.AnswerAllAsync(client, RunnerResults.KneecapAnswers());
        var change = (await client.GetPageAsync(review)).QuerySelector("a.change[href*='/where']")!.GetAttribute("href")!;

        var step = await client.GetPageAsync(change.Split('#')[0]);
        Assert.Contains("Back to your answers", step.QuerySelector(".nav-buttons")!.TextContent, StringComparison.Ordinal);
        using var saved = await client.SubmitAsync(step, change.Split('#')[0], "next", ("q.location", "outer_side"));

        Assert.Equal(review, Browser.AssertRedirect(saved));
        var rows = (await client.GetPageAsync(review)).QuerySelectorAll(".review-row").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("outer side", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Walking_the_steps_without_change_still_goes_on_to_the_next_step()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);

        var next = await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue));

        Assert.EndsWith("/about", next, StringComparison.Ordinal);
    }
}
