using System.Net;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Pages.Assess;

/// <summary>
/// The finished questionnaire's addresses, Back and a double submit lead to the result, and a
/// double submit stores one result (issue 25; issue 24, item 7).
/// </summary>
public class FinishTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_finished_questionnaires_addresses_redirect_to_its_result()
    {
        using var client = factory.CreateBrowser();
        var (_, review) = await Wizard.AnswerAllAsync(client, RunnerResults.KneecapAnswers());
        using var finished = await client.SubmitAsync(review, nav: null);
        var result = Browser.AssertRedirect(finished);

        using var back = await client.GetAsync(new Uri(review, UriKind.Relative));
        using var step = await client.GetAsync(new Uri($"/assess/{Wizard.DraftOf(review)}/pain", UriKind.Relative));

        Assert.Equal(result, Browser.AssertRedirect(back));
        Assert.Equal(result, Browser.AssertRedirect(step));
        // The draft keeps only the way to its result: its answers live on in the result alone.
        var draft = await factory.QueryAsync(db => db.AssessmentDrafts.AsNoTracking().SingleAsync(d => d.Id == Wizard.DraftOf(review)));
        Assert.Equal("{}", draft.AnswersJson);
    }

    [Fact]
    public async Task Submitting_the_review_twice_stores_one_result_and_both_land_on_it()
    {
        using var client = factory.CreateBrowser();
        var (_, review) = await Wizard.AnswerAllAsync(client, RunnerResults.KneecapAnswers());
        var form = await HtmlForm.OpenAsync(client, review);
        var before = await factory.QueryAsync(db => db.Assessments.CountAsync());

        using var first = await form.SubmitAsync();
        using var second = await form.SubmitAsync();

        Assert.StartsWith("/m/", Browser.AssertRedirect(first), StringComparison.Ordinal);
        Assert.Equal(Browser.AssertRedirect(first), Browser.AssertRedirect(second));
        Assert.Equal(before + 1, await factory.QueryAsync(db => db.Assessments.CountAsync()));
    }

    [Fact]
    public async Task Two_submits_at_once_store_one_result_and_both_land_on_it()
    {
        using var client = factory.CreateBrowser();
        var (_, review) = await Wizard.AnswerAllAsync(client, RunnerResults.KneecapAnswers());
        var form = await HtmlForm.OpenAsync(client, review);
        var before = await factory.QueryAsync(db => db.Assessments.CountAsync());

        var both = await Task.WhenAll(form.SubmitAsync(), form.SubmitAsync());

        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(Browser.AssertRedirect(both[0]), Browser.AssertRedirect(both[1]));
        Assert.Equal(before + 1, await factory.QueryAsync(db => db.Assessments.CountAsync()));
        foreach (var response in both)
        {
            response.Dispose();
        }
    }
}
