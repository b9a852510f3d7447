using System.Text.Json;
using KneeReset.Core.Questionnaire;

namespace KneeReset.Core.Tests.Questionnaire;

public class AnswerReaderTests
{
    private static Question Q(string id) => TestContent.Questions.Find(id)!;

    [Fact]
    public void Miles_are_stored_as_kilometres()
    {
        var (value, error) = AnswerReader.FromForm(Q("weekly_km_now"), ["10"], miles: true);

        Assert.Null(error);
        Assert.Equal(16.1, value!.Number);
    }

    [Fact]
    public void Miles_do_not_apply_to_centimetres()
    {
        var (value, _) = AnswerReader.FromForm(Q("knee_to_wall_cm"), ["8"], miles: true);

        Assert.Equal(8, value!.Number);
    }

    [Theory]
    [InlineData("abc", "Enter a number, like 12 or 12.5.")]
    [InlineData("29.5", "Enter a whole number.")]
    public void Bad_numbers_get_a_clear_message(string typed, string message)
    {
        var (value, error) = AnswerReader.FromForm(Q("age"), [typed], miles: false);

        Assert.Null(value);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Blank_means_unanswered_and_the_none_box_means_an_empty_answer()
    {
        Assert.Equal((null, null), AnswerReader.FromForm(Q("red_flags"), [], miles: false));
        var (none, _) = AnswerReader.FromForm(Q("red_flags"), [AnswerReader.NoneValue], miles: false);
        Assert.Empty(none!.Choices);
    }

    [Fact]
    public void Json_of_the_wrong_shape_is_reported_by_field()
    {
        using var json = JsonDocument.Parse("""{"age": "thirty", "location": "front_kneecap", "hip_flexors_tight": 1, "nope": true, "side": null}""");

        var (answers, errors) = AnswerReader.FromJson(json.RootElement, TestContent.Questions);

        Assert.Equal(["age", "location", "hip_flexors_tight", "nope"], errors.Select(e => e.Field));
        Assert.Empty(answers.Values);
    }

    [Fact]
    public void Answers_round_trip_through_the_stored_json()
    {
        var answers = TestContent.Answers("""{"age": 29, "location": ["front_kneecap", "outer_side"], "side": "one", "weekly_km_now": 25.5, "hip_flexors_tight": false, "red_flags": []}""");

        var json = AnswerReader.ToJson(answers, TestContent.Questions).ToJsonString();
        var back = AnswerReader.FromStoredJson(json, TestContent.Questions);

        Assert.Equal(json, AnswerReader.ToJson(back, TestContent.Questions).ToJsonString());
        Assert.Contains("\"age\":29", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ids_the_project_added_are_read_in_their_kinds_and_of_the_wrong_shape_are_reported()
    {
        using var good = JsonDocument.Parse("""
            {"health_background": ["blood_thinners", "cancer_past"], "pregnancy": "prefer_not_to_say", "pain_elsewhere": [],
             "pain_trend": "worse_despite_rest", "swelling": ["keeps_coming_back"], "tried": ["physio"], "morning_stiffness_duration": "30_minutes_or_more"}
            """);
        using var bad = JsonDocument.Parse("""{"pregnancy": ["pregnant"], "health_background": "blood_thinners", "pain_trend": 2}""");

        var (answers, errors) = AnswerReader.FromJson(good.RootElement, TestContent.Questions);
        var (_, wrong) = AnswerReader.FromJson(bad.RootElement, TestContent.Questions);

        Assert.Empty(errors);
        Assert.Equal(["blood_thinners", "cancer_past"], answers["health_background"]!.Choices);
        Assert.True(answers.Has("pregnancy", "prefer_not_to_say"));
        Assert.Empty(answers["pain_elsewhere"]!.Choices);
        Assert.True(answers.Has("morning_stiffness_duration", "30_minutes_or_more"));
        Assert.Equal(["health_background", "pain_trend", "pregnancy"], wrong.Select(e => e.Field).Order());
    }

    [Fact]
    public void The_none_box_of_an_added_list_is_an_answered_empty_list()
    {
        var (none, error) = AnswerReader.FromForm(Q("health_background"), [AnswerReader.NoneValue], miles: false);

        Assert.Null(error);
        Assert.Empty(none!.Choices);
        Assert.Equal("None of these", AnswerText.Describe(Q("health_background"), none));
    }
}
