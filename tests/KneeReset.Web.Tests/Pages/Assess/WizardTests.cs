using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;

namespace KneeReset.Web.Tests.Pages.Assess;

/// <summary>The questionnaire pages (/assess, /assess/{draft}/{step}, /assess/{draft}/review) through real form posts.</summary>
public class WizardTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly string[] AllSteps = ["safety", "about", "where", "pain", "pattern", "training", "form", "self_checks"];

    [Fact]
    public async Task Classic_runners_knee_walks_every_step_to_a_self_care_result()
    {
        using var client = factory.CreateBrowser();
        var answers = Vignettes.Find("pub-01").Answers;

        var (steps, review) = await Wizard.AnswerAllAsync(client, answers);
        var resultUrl = await Wizard.FinishAsync(client, review);
        var result = await client.GetPageAsync(resultUrl);

        Assert.Equal(AllSteps, steps);
        Assert.NotNull(result.QuerySelector(".banner-selfcare"));
        Assert.Null(result.QuerySelector(".banner-urgent"));
        var topCause = result.QuerySelector(".cause-list > li.cause h3");
        Assert.NotNull(topCause);
        Assert.Contains("Runner", topCause.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(result.QuerySelectorAll(".routine-list > li"));

        // What the forms stored is exactly what the vignette says, and the API agrees with the page.
        var stored = await client.GetAssessmentAsync(resultUrl[3..]);
        Assert.Equal("self_care", (string?)stored["triage"]);
        Assert.Equal("runners_knee", (string?)stored["topCause"]);
        Assert.True(JsonNode.DeepEquals(Normalised(answers), Normalised(stored["answers"]!.AsObject())),
            $"posted {answers.ToJsonString()}\nstored {stored["answers"]!.ToJsonString()}");
    }

    [Fact]
    public async Task Start_page_shows_a_form_that_starts_a_draft_at_the_safety_step()
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetPageAsync("/assess");
        var first = await Wizard.StartAsync(client);
        var safety = await client.GetPageAsync(first);

        Assert.NotNull(page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]"));
        Assert.NotNull(safety.QuerySelector("input[type=radio][name='q.onset'][value=sudden_injury]"));
        Assert.NotNull(safety.QuerySelector($"input[type=checkbox][name='q.red_flags'][value={Wizard.NoneValue}]"));
        Assert.Null(safety.QuerySelector("button[name=nav][value=back]"));
    }

    [Fact]
    public async Task The_about_step_needs_an_age_or_an_age_range()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var about = await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue));

        using var neither = await client.SubmitAsync(about, "next", ("q.side", "one"));
        Assert.Equal(HttpStatusCode.OK, neither.StatusCode);
        var page = await Browser.ParseAsync(neither);
        Assert.Contains("Enter your age, or pick the range you are in.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var where = await Wizard.NextAsync(client, about, ("q.age_band", "16_to_54"), ("q.side", "one"));
        Assert.EndsWith("/where", where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_keeps_the_answers_of_the_step_left()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var about = await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue));
        var where = await Wizard.NextAsync(client, about, ("q.age", "41"), ("q.side", "both"));
        Assert.EndsWith("/where", where, StringComparison.Ordinal);

        using var back = await client.SubmitAsync(where, "back");
        var backTo = Browser.AssertRedirect(back);
        var page = await client.GetPageAsync(backTo);

        Assert.Equal(about, backTo);
        Assert.Equal("41", Input(page, "q.age").Value);
        Assert.True(Input(page, "q.side", "both").IsChecked);
        Assert.False(Input(page, "q.side", "one").IsChecked);
    }

    [Fact]
    public async Task Back_does_not_validate_and_keeps_what_was_valid()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var about = await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue));
        var where = await Wizard.NextAsync(client, about, ("q.age", "41"));

        // No location ticked (required), but Back never blocks.
        using var back = await client.SubmitAsync(where, "back");

        Assert.Equal(about, Browser.AssertRedirect(back));
    }

    [Fact]
    public async Task Next_on_where_without_location_shows_the_error_and_keeps_earlier_answers()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var about = await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue));
        var where = await Wizard.NextAsync(client, about, ("q.age", "35"), ("q.side", "one"));

        using var response = await client.SubmitAsync(where, "next");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary");
        Assert.NotNull(summary);
        Assert.NotNull(summary.QuerySelector("a[href='#field-location']"));
        var fieldError = page.QuerySelector("#field-location .field-error");
        Assert.NotNull(fieldError);
        Assert.False(string.IsNullOrWhiteSpace(fieldError.TextContent));
        Assert.NotNull(page.QuerySelector("input[name=__RequestVerificationToken]"));

        var aboutAgain = await client.GetPageAsync(about);
        Assert.Equal("35", Input(aboutAgain, "q.age").Value);
        Assert.True(Input(aboutAgain, "q.side", "one").IsChecked);
        var safetyAgain = await client.GetPageAsync(safety);
        Assert.True(Input(safetyAgain, "q.onset", "gradual").IsChecked);
        Assert.True(Input(safetyAgain, "q.red_flags", Wizard.NoneValue).IsChecked);
    }

    [Fact]
    public async Task Next_with_text_for_age_shows_the_error_and_what_was_typed()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var about = await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue));

        using var response = await client.SubmitAsync(about, "next", ("q.age", "forty"), ("q.side", "both"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.NotNull(page.QuerySelector("#field-age .field-error"));
        Assert.Equal("forty", Input(page, "q.age").Value);
        Assert.True(Input(page, "q.side", "both").IsChecked);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("29.5")]
    public async Task Next_with_age_out_of_range_or_not_whole_shows_the_field_error(string age)
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var about = await Wizard.NextAsync(client, safety, ("q.onset", "gradual"), ("q.red_flags", Wizard.NoneValue));

        using var response = await client.SubmitAsync(about, "next", ("q.age", age));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#field-age .field-error"));
    }

    [Fact]
    public async Task Next_on_safety_without_red_flags_answer_shows_the_error()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);

        using var response = await client.SubmitAsync(safety, "next", ("q.onset", "gradual"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#field-red_flags .field-error"));
        Assert.True(Input(page, "q.onset", "gradual").IsChecked);
    }

    [Fact]
    public async Task Urgent_answers_show_the_banner_at_once_and_skip_to_the_review()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);

        var about = await Wizard.NextAsync(client, safety, ("q.onset", "sudden_injury"), ("q.red_flags", "cannot_bear_weight"));
        var aboutPage = await client.GetPageAsync(about);
        Assert.EndsWith("/about", about, StringComparison.Ordinal);
        Assert.NotNull(aboutPage.QuerySelector(".banner-urgent"));

        var where = await Wizard.NextAsync(client, about, ("q.age", "33"));
        Assert.EndsWith("/where", where, StringComparison.Ordinal);
        // No pain score either: a runner who must see someone today goes from where it hurts to the review.
        var review = await Wizard.NextAsync(client, where, ("q.location", "whole_knee"));
        Assert.Equal($"/assess/{Wizard.DraftOf(safety)}/review", review);

        // The skipped steps are not reachable either: they send the runner on to the review.
        foreach (var skipped in new[] { "pain", "pattern", "training", "form", "self_checks" })
        {
            using var response = await client.GetAsync(new Uri($"/assess/{Wizard.DraftOf(safety)}/{skipped}", UriKind.Relative));
            Assert.Equal(review, Browser.AssertRedirect(response));
        }

        var reviewPage = await client.GetPageAsync(review);
        Assert.NotNull(reviewPage.QuerySelector(".banner-urgent"));
        var resultUrl = await Wizard.FinishAsync(client, review);
        var result = await client.GetPageAsync(resultUrl);
        Assert.NotNull(result.QuerySelector(".banner-urgent"));
        Assert.Null(result.QuerySelector(".banner-selfcare"));
        Assert.Null(result.QuerySelector(".routine-list"));
        var stored = await client.GetAssessmentAsync(resultUrl[3..]);
        Assert.Equal("urgent", (string?)stored["triage"]);
        Assert.Empty(stored["routines"]!.AsArray());
        Assert.False(stored["answers"]!.AsObject().ContainsKey("worst_pain"));
    }

    [Fact]
    public async Task Sudden_injury_without_red_flags_skips_the_self_checks()
    {
        using var client = factory.CreateBrowser();
        var answers = new JsonObject
        {
            ["onset"] = "sudden_injury",
            ["age"] = 30,
            ["red_flags"] = new JsonArray(),
            ["location"] = new JsonArray("inner_side"),
            ["worst_pain"] = 3,
        };

        var (steps, _) = await Wizard.AnswerAllAsync(client, answers);

        Assert.Equal(["safety", "about", "where", "pain", "pattern", "training", "form"], steps);
    }

    [Fact]
    public async Task Distances_entered_in_miles_are_stored_in_km()
    {
        using var client = factory.CreateBrowser();
        var answers = Vignettes.Find("pub-01").Answers;
        answers.Remove("weekly_km_month_ago");
        answers["weekly_km_now"] = 10;
        var miles = new Dictionary<string, (string, string)[]> { ["training"] = [("unit", "miles")] };

        var (_, review) = await Wizard.AnswerAllAsync(client, answers, miles);

        // Before finishing, the training step shows the distance back in miles.
        var training = await client.GetPageAsync($"/assess/{Wizard.DraftOf(review)}/training");
        Assert.True(Input(training, "unit", "miles").IsChecked);
        Assert.Equal("10", Input(training, "q.weekly_km_now").Value);

        var resultUrl = await Wizard.FinishAsync(client, review);
        var stored = await client.GetAssessmentAsync(resultUrl[3..]);
        var km = double.Parse(stored["answers"]!["weekly_km_now"]!.ToJsonString(), CultureInfo.InvariantCulture);
        Assert.Equal(16.1, km, 1);
    }

    [Fact]
    public async Task Switching_back_from_miles_to_km_stores_km()
    {
        using var client = factory.CreateBrowser();
        var answers = Vignettes.Find("pub-01").Answers;
        answers.Remove("weekly_km_now");
        answers.Remove("weekly_km_month_ago");
        var miles = new Dictionary<string, (string, string)[]> { ["training"] = [("unit", "miles"), ("q.weekly_km_now", "10")] };
        var (_, review) = await Wizard.AnswerAllAsync(client, answers, miles);
        var training = $"/assess/{Wizard.DraftOf(review)}/training";

        await Wizard.NextAsync(client, training, ("unit", "km"), ("q.weekly_km_now", "20"));

        var page = await client.GetPageAsync(training);
        Assert.True(Input(page, "unit", "km").IsChecked);
        Assert.Equal("20", Input(page, "q.weekly_km_now").Value);
        var resultUrl = await Wizard.FinishAsync(client, review);
        var stored = await client.GetAssessmentAsync(resultUrl[3..]);
        Assert.Equal(20, double.Parse(stored["answers"]!["weekly_km_now"]!.ToJsonString(), CultureInfo.InvariantCulture), 1);
    }

    [Fact]
    public async Task Review_lists_the_answers_with_links_to_change_them()
    {
        using var client = factory.CreateBrowser();
        var (_, review) = await Wizard.AnswerAllAsync(client, Vignettes.Find("pub-01").Answers);

        var page = await client.GetPageAsync(review);

        Assert.Null(page.QuerySelector(".error-summary"));
        var rows = page.QuerySelectorAll(".review-row").ToList();
        Assert.Contains(rows, r => r.QuerySelector("dd")!.TextContent.Contains("29 years", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.QuerySelector("dd")!.TextContent.Contains("4 out of 10", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"a.change[href='/assess/{Wizard.DraftOf(review)}/where?then=review#field-location']"));
    }

    [Fact]
    public async Task Finish_with_required_answers_missing_lists_them_and_stores_nothing()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        var review = $"/assess/{Wizard.DraftOf(safety)}/review";

        using var response = await client.SubmitAsync(review, nav: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/assess/{Wizard.DraftOf(safety)}/safety?then=review#field-onset", links);
        Assert.Contains($"/assess/{Wizard.DraftOf(safety)}/safety?then=review#field-red_flags", links);
        Assert.Contains($"/assess/{Wizard.DraftOf(safety)}/where?then=review#field-location", links);
        Assert.Contains($"/assess/{Wizard.DraftOf(safety)}/pain?then=review#field-worst_pain", links);
        // The draft is still there to finish.
        await client.GetPageAsync(safety);
    }

    [Fact]
    public async Task Post_without_antiforgery_token_returns_400()
    {
        using var client = factory.CreateBrowser();
        using var empty = new FormUrlEncodedContent([]);

        using var response = await client.PostAsync(new Uri("/assess", UriKind.Relative), empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_step_without_antiforgery_token_returns_400_and_changes_nothing()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);
        using var form = new FormUrlEncodedContent([new("q.onset", "gradual"), new("q.red_flags", Wizard.NoneValue), new("nav", "next")]);

        using var response = await client.PostAsync(new Uri(safety, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await client.GetPageAsync(safety);
        Assert.False(Input(page, "q.onset", "gradual").IsChecked);
    }

    [Theory]
    [InlineData("/assess/AAAAAAAAAAAAAAAAAAAAAAAA/safety")]
    [InlineData("/assess/AAAAAAAAAAAAAAAAAAAAAAAA/review")]
    [InlineData("/assess/not-a-draft/safety")]
    public async Task Get_with_unknown_draft_returns_404(string url)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_with_unknown_step_returns_404()
    {
        using var client = factory.CreateBrowser();
        var safety = await Wizard.StartAsync(client);

        using var response = await client.GetAsync(new Uri($"/assess/{Wizard.DraftOf(safety)}/elbows", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static IHtmlInputElement Input(IHtmlDocument page, string name, string? value = null)
    {
        var selector = value is null ? $"input[name='{name}']" : $"input[name='{name}'][value='{value}']";
        return page.QuerySelector(selector) as IHtmlInputElement
            ?? throw new InvalidOperationException($"No {selector} on the page.");
    }

    /// <summary>Answers with multi-choice lists sorted and numbers as doubles, for comparison.</summary>
    private static JsonObject Normalised(JsonObject answers)
    {
        var result = new JsonObject();
        foreach (var (id, value) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            result[id] = value switch
            {
                JsonArray list => new JsonArray([.. list.Select(v => (string)v!).Order(StringComparer.Ordinal).Select(v => (JsonNode?)v)]),
                JsonValue number when number.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
                    double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture),
                _ => value?.DeepClone(),
            };
        }
        return result;
    }
}
