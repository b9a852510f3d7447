namespace KneeReset.Web.Tests.Pages.Assess;

/// <summary>The questionnaire's words read naturally and say what the form did (issue 27, item 8).</summary>
public class QuestionWordingTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_missing_answer_is_named_by_its_question_without_a_colon_after_the_question_mark()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);

        using var response = await client.SubmitAsync(safety, "next", ("q.red_flags", Wizard.NoneValue));
        var summary = (await Browser.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent;

        Assert.Contains("How did the pain start? Choose one answer.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("?:", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Age_is_not_labelled_optional_where_an_age_or_a_range_is_needed()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var about = await client.GetPageAsync(await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue)));

        Assert.DoesNotContain("optional", about.QuerySelector("#field-age legend")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("optional", about.QuerySelector("#field-age_band legend")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Enter your age, or pick the range you are in.", about.QuerySelector("p.one-of")!.TextContent.Trim());
        // Questions outside the group still say they may be left out.
        Assert.Contains("(optional)", about.QuerySelector("#field-side legend")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_shows_not_sure_for_a_yes_no_question_left_on_its_ticked_default()
    {
        using var client = factory.CreateBrowser();
        var answers = RunnerResults.KneecapAnswers();
        answers.Remove("hip_flexors_tight");

        var (_, review) = await Wizard.AnswerAllAsync(client, answers);
        var rows = (await client.GetPageAsync(review)).QuerySelectorAll(".review-row");
        var row = rows.Single(r => r.QuerySelector("dt")!.TextContent.Contains("hug-one-knee", StringComparison.Ordinal));

        Assert.StartsWith("Not sure / skipped", row.QuerySelector("dd")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
