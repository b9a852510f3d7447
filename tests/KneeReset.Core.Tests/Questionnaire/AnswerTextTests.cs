using KneeReset.Core.Questionnaire;

namespace KneeReset.Core.Tests.Questionnaire;

public class AnswerTextTests
{
    private static Question Q(string id) => TestContent.Questions.Find(id)!;

    [Fact]
    public void Choices_read_as_their_labels_and_clinicians_also_see_the_codes()
    {
        var value = AnswerValue.Of("stairs_down", "downhill");

        Assert.Equal("Going down stairs; Running downhill", AnswerText.Describe(Q("aggravators"), value));
        Assert.Equal("Going down stairs (stairs_down); Running downhill (downhill)", AnswerText.Describe(Q("aggravators"), value, withCodes: true));
    }

    [Fact]
    public void An_explicit_none_reads_as_the_questions_none_label()
    {
        Assert.Equal(Q("red_flags").NoneLabel, AnswerText.Describe(Q("red_flags"), AnswerValue.Of(Array.Empty<string>())));
    }

    [Theory]
    [InlineData("weekly_km_now", 16.1, false, "16.1 km")]
    [InlineData("weekly_km_now", 16.1, true, "10 miles")]
    [InlineData("knee_to_wall_cm", 8, true, "8 cm")]
    [InlineData("worst_pain", 4, false, "4 out of 10")]
    [InlineData("age", 29, false, "29 years")]
    public void Numbers_carry_their_unit_and_distances_follow_the_runners_choice(string id, double number, bool miles, string expected)
    {
        Assert.Equal(expected, AnswerText.Describe(Q(id), AnswerValue.Of(number), miles));
    }

    [Fact]
    public void Yes_no_and_unanswered_read_plainly()
    {
        Assert.Equal("Yes", AnswerText.Describe(Q("hip_flexors_tight"), AnswerValue.Of(true)));
        Assert.Equal("Not answered", AnswerText.Describe(Q("age"), null));
    }

    [Fact]
    public void An_unanswered_yes_no_question_reads_as_the_choice_its_form_had_ticked()
    {
        Assert.Equal("Not sure / skipped", AnswerText.Describe(Q("hip_flexors_tight"), null));
    }
}
