using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests.Pages.Assess;

/// <summary>
/// The questions the sports-physio review added, walked through the real forms without JavaScript:
/// they sit in the existing steps (no step is added), are optional, and route the result.
/// </summary>
public class AddedQuestionsTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly string[] AllSteps = ["safety", "about", "where", "pain", "pattern", "training", "form", "self_checks"];

    [Fact]
    public async Task Every_added_question_is_answered_on_its_step_and_stored_as_posted()
    {
        using var client = factory.CreateBrowser();
        var answers = RunnerResults.KneecapAnswers();
        answers["health_background"] = new JsonArray();
        answers["pregnancy"] = "no";
        answers["pain_elsewhere"] = new JsonArray();
        answers["pain_trend"] = "getting_better";
        answers["swelling"] = new JsonArray();
        answers["tried"] = new JsonArray("rest", "exercises_under_6_weeks");
        answers["morning_stiffness_duration"] = "under_30_minutes";

        var (steps, review) = await Wizard.AnswerAllAsync(client, answers);
        var reviewPage = await client.GetPageAsync(review);
        var stored = await client.GetAssessmentAsync((await Wizard.FinishAsync(client, review))[3..]);

        Assert.Equal(AllSteps, steps);
        Assert.Contains("No, or this doesn't apply to me", reviewPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("self_care", (string?)stored["triage"]);
        foreach (var id in new[] { "health_background", "pregnancy", "pain_elsewhere", "pain_trend", "swelling", "tried", "morning_stiffness_duration" })
        {
            Assert.True(JsonNode.DeepEquals(answers[id], stored["answers"]![id]), $"{id}: posted {answers[id]?.ToJsonString()}, stored {stored["answers"]![id]?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task The_added_questions_are_optional_so_the_plain_walk_is_unchanged()
    {
        using var client = factory.CreateBrowser();

        var (steps, review) = await Wizard.AnswerAllAsync(client, RunnerResults.KneecapAnswers());
        var stored = await client.GetAssessmentAsync((await Wizard.FinishAsync(client, review))[3..]);

        Assert.Equal(AllSteps, steps);
        Assert.Equal("self_care", (string?)stored["triage"]);
        Assert.False(stored["answers"]!.AsObject().ContainsKey("pregnancy"));
    }

    [Fact]
    public async Task A_blood_thinner_ticked_on_the_about_step_makes_an_injury_urgent_and_skips_to_the_review()
    {
        using var client = factory.CreateBrowser();
        var answers = new JsonObject
        {
            ["onset"] = "sudden_injury",
            ["red_flags"] = new JsonArray(),
            ["age"] = 40,
            ["health_background"] = new JsonArray("blood_thinners"),
            ["location"] = new JsonArray("front_kneecap"),
        };

        var (steps, review) = await Wizard.AnswerAllAsync(client, answers);
        var reviewPage = await client.GetPageAsync(review);
        var stored = await client.GetAssessmentAsync((await Wizard.FinishAsync(client, review))[3..]);

        Assert.Equal(["safety", "about", "where"], steps);
        Assert.NotNull(reviewPage.QuerySelector(".banner-urgent"));
        Assert.Equal("urgent", (string?)stored["triage"]);
        Assert.Equal("today", (string?)stored["timeFrame"]);
        Assert.Contains(stored["triageReasons"]!.AsArray(), r => (string?)r!["rule"] == "blood_thinners_after_injury");
    }

    [Fact]
    public async Task A_child_with_thigh_pain_on_the_where_step_goes_straight_to_the_review_urgent()
    {
        using var client = factory.CreateBrowser();
        var answers = new JsonObject
        {
            ["onset"] = "gradual",
            ["red_flags"] = new JsonArray(),
            ["age"] = 12,
            ["location"] = new JsonArray("front_kneecap"),
            ["pain_elsewhere"] = new JsonArray("thigh"),
        };

        var (steps, review) = await Wizard.AnswerAllAsync(client, answers);
        var stored = await client.GetAssessmentAsync((await Wizard.FinishAsync(client, review))[3..]);

        Assert.Equal(["safety", "about", "where"], steps);
        Assert.Equal("urgent", (string?)stored["triage"]);
        Assert.Contains(stored["triageReasons"]!.AsArray(), r => (string?)r!["rule"] == "child_hip_or_thigh_pain");
    }

    [Fact]
    public async Task The_safety_step_tells_locked_now_apart_from_catching_and_asks_the_new_red_flags()
    {
        using var client = factory.CreateBrowser();

        var safety = await client.GetPageAsync(await Wizard.StartAsync(client));

        string Label(string value) => safety.QuerySelector($"label[for='red_flags-{value}']")!.TextContent;
        Assert.Contains("right now", Label("locked_now"), StringComparison.Ordinal);
        Assert.Contains("sometimes", Label("locking"), StringComparison.Ordinal);
        Assert.Contains("If it is stuck now and won't straighten, tick the one above instead", Label("locking"), StringComparison.Ordinal);
        Assert.Contains("knee held straight", Label("cannot_straight_leg_raise"), StringComparison.Ordinal);
        Assert.Contains("cold, pale or blue", Label("cold_pale_foot"), StringComparison.Ordinal);
    }
}
