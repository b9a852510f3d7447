using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests.Api;

/// <summary>The API's time frame: a new field beside "triage", which stays as it was.</summary>
public class TimeFrameApiTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static JsonObject Answers(int worstPain, params string[] flags)
    {
        var answers = RunnerResults.KneecapAnswers();
        answers["worst_pain"] = worstPain;
        answers["red_flags"] = new JsonArray([.. flags.Select(f => (JsonNode)f)]);
        return answers;
    }

    [Fact]
    public async Task Severe_pain_is_see_a_clinician_within_48_hours_in_the_created_and_the_fetched_view()
    {
        using var client = factory.CreateBrowser();

        var created = await client.CreateAssessmentAsync(Answers(9, "giving_way"));
        var fetched = await client.GetAssessmentAsync(ApiClient.TokenOf(created));

        foreach (var view in new[] { created, fetched })
        {
            Assert.Equal("see_clinician", (string?)view["triage"]);
            Assert.Equal("within_two_days", (string?)view["timeFrame"]);
            Assert.StartsWith("Within 48 hours", (string?)view["timeFrameText"], StringComparison.Ordinal);
            var reasons = view["triageReasons"]!.AsArray();
            Assert.Equal("within_two_days", (string?)reasons.Single(r => (string?)r!["rule"] == "severe_pain")!["timeFrame"]);
            Assert.Equal("within_two_weeks", (string?)reasons.Single(r => (string?)r!["rule"] == "locking_or_giving_way")!["timeFrame"]);
        }
    }

    [Fact]
    public async Task Urgent_is_today_and_self_care_has_no_time_frame()
    {
        using var client = factory.CreateBrowser();

        var urgent = await client.CreateAssessmentAsync(Answers(4, "calf_pain_swelling"));
        var selfCare = await client.CreateAssessmentAsync(Answers(4));

        Assert.Equal("urgent", (string?)urgent["triage"]);
        Assert.Equal("today", (string?)urgent["timeFrame"]);
        Assert.Equal("self_care", (string?)selfCare["triage"]);
        Assert.Null(selfCare["timeFrame"]);
        Assert.Null(selfCare["timeFrameText"]);
    }

    [Theory]
    [InlineData(9, "giving_way")]
    [InlineData(4, "calf_pain_swelling")]
    [InlineData(4, "persists_despite_rest")]
    [InlineData(4)]
    public async Task The_document_describes_the_time_frame_and_every_answer_with_one_matches_it(int worstPain, params string[] flags)
    {
        using var client = factory.CreateClient();

        var contract = await OpenApiContract.ReadAsync(client);
        using var response = await client.PostAssessmentAsync(Answers(worstPain, flags));

        var schemas = contract.Document["components"]!["schemas"]!;
        Assert.NotNull(schemas["AssessmentView"]!["properties"]!["timeFrame"]);
        Assert.NotNull(schemas["AssessmentView"]!["properties"]!["timeFrameText"]);
        var problems = await contract.ProblemsAsync("POST /api/assessments", response);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_document_lists_locked_now_beside_locking_and_answers_without_it_stay_valid()
    {
        using var client = factory.CreateClient();

        var contract = await OpenApiContract.ReadAsync(client);
        var old = await client.CreateAssessmentAsync(Answers(4, "locking"));
        var locked = await client.CreateAssessmentAsync(Answers(4, "locked_now"));

        var flags = contract.Document["components"]!["schemas"]!["Answers"]!["properties"]!["red_flags"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v).ToList();
        Assert.Contains("locked_now", flags);
        Assert.Contains("locking", flags);
        Assert.Equal("see_clinician", (string?)old["triage"]);
        Assert.Equal("within_two_weeks", (string?)old["timeFrame"]);
        Assert.Equal("within_two_days", (string?)locked["timeFrame"]);
    }
}
