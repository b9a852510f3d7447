using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

/// <summary>
/// The promises the rules make in their own words: form never outweighs a clear location, a
/// pain-free runner gets prevention, every weight rests on a source that says it, and one set
/// of time frames everywhere.
/// </summary>
public partial class RulesKeepTheirPromisesTests
{
    private static RuleSet Set => TestContent.Rules.RuleSet;

    /// <summary>A clear kneecap picture with every form answer, in a runner who also ticked a second spot.</summary>
    private static string KneecapWithForm(string secondSpot, int worstPain = 4) => $$"""
        {"age": 30, "location": ["front_kneecap", "{{secondSpot}}"], "side": "both", "onset": "gradual", "worst_pain": {{worstPain}},
         "aggravators": ["stairs_down", "prolonged_sitting", "squatting"], "timing": ["after_run"], "red_flags": [],
         "form": ["overstriding", "heavy_heel_strike", "low_cadence", "arches_collapse", "uneven_shoe_wear"],
         "shoe_km": 900, "knee_to_wall_cm": 5}
        """;

    [Theory]
    [InlineData("whole_knee")]
    [InlineData("outer_side")]
    public void Form_stays_below_a_clear_kneecap_picture_when_a_second_spot_is_ticked(string secondSpot)
    {
        var result = TestContent.Evaluate(KneecapWithForm(secondSpot));
        var form = result.Cause("form_mechanics");

        Assert.Equal("runners_knee", result.TopCause);
        Assert.True(form.Score < result.Cause("runners_knee").Score, $"form {form.Score} outranked runner's knee {result.Cause("runners_knee").Score}");
        Assert.Contains(form.Notes ?? [], n => n.Contains("clearly fits another cause", StringComparison.Ordinal));
    }

    [Fact]
    public void Form_keeps_its_full_weight_when_no_location_clearly_fits_another_cause()
    {
        var result = TestContent.Evaluate("""
            {"age": 30, "location": ["whole_knee"], "side": "both", "onset": "gradual", "worst_pain": 3, "red_flags": [],
             "form": ["overstriding", "heavy_heel_strike", "low_cadence"]}
            """);

        Assert.Equal("form_mechanics", result.TopCause);
        Assert.DoesNotContain(result.Cause("form_mechanics").Notes ?? [], n => n.Contains("clearly fits another cause", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pain_free_runner_gets_prevention_not_a_cause()
    {
        var result = TestContent.Evaluate(KneecapWithForm("whole_knee", worstPain: 0));

        Assert.True(result.Prevention);
        Assert.Equal(Triage.SelfCare, result.Triage);
        Assert.Null(result.TopCause);
        Assert.All(result.Causes, c => Assert.Equal(Band.Unlikely, c.Band));
        Assert.Equal("prevention", Assert.Single(result.TriageReasons).Rule);
        // The self-checks still say what to work on.
        Assert.Contains(result.Findings, f => f.Id == "form");
    }

    [Fact]
    public void Red_flags_still_win_for_a_pain_free_runner()
    {
        var result = TestContent.Evaluate(TestContent.MildKneecap(flags: "\"giving_way\"").Replace("\"worst_pain\": 4", "\"worst_pain\": 0", StringComparison.Ordinal));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.DoesNotContain(result.TriageReasons, r => r.Rule == "prevention");
    }

    [Fact]
    public void Any_pain_at_all_is_not_prevention()
    {
        var result = TestContent.Evaluate(KneecapWithForm("whole_knee", worstPain: 1));

        Assert.False(result.Prevention);
        Assert.Equal("runners_knee", result.TopCause);
    }

    [Fact]
    public void The_hug_one_knee_test_is_not_it_band_evidence()
    {
        const string Outer = """{"age": 30, "location": ["outer_side"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["during_run_builds"]""";
        var loose = TestContent.Evaluate(Outer + ", \"hip_flexors_tight\": false}");
        var tight = TestContent.Evaluate(Outer + ", \"hip_flexors_tight\": true}");

        Assert.Equal(loose.Cause("it_band").Score, tight.Cause("it_band").Score);
        Assert.DoesNotContain(Set.Causes.Single(c => c.Id == "it_band").Signals, s => s.When.Facts().Contains("hip_flexors_tight"));
    }

    [Fact]
    public void Locations_that_did_not_count_are_not_listed_as_evidence_for()
    {
        var result = TestContent.Evaluate("""{"age": 30, "location": ["front_kneecap", "below_kneecap", "above_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": []}""");
        var kneecap = result.Cause("runners_knee");

        var located = kneecap.Evidence.Where(e => e.Answers.Contains("location") && e.Weight > 0).ToList();
        Assert.Single(located);
        Assert.Contains("around or behind the kneecap", located[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, (kneecap.Notes ?? []).Count(n => n.Contains("not counted (only the strongest spot counts)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Weights_with_only_the_studio_article_behind_them_count_at_most_one_point()
    {
        var studioOnly = Set.Causes.SelectMany(c => c.Signals.Select(s => (c.Id, s)))
            .Where(x => x.s.Source.StartsWith("Studio article", StringComparison.Ordinal) && !x.s.Source.Contains(';', StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(studioOnly);
        Assert.All(studioOnly, x => Assert.True(Math.Abs(x.s.Weight) <= 1, $"{x.Id}: \"{x.s.Evidence}\" weighs {x.s.Weight} on the studio article alone"));
    }

    [Fact]
    public void Form_counts_for_less_than_a_clear_location_as_the_group_says()
    {
        var where = Set.Groups["where"];
        var form = Set.Groups["form"];

        Assert.NotNull(where.Clear);
        Assert.True(form.BesideClearLocation < where.Clear);
        Assert.Contains("never counts for more than a clear location", form.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_deadline_a_runner_reads_is_the_one_review_point()
    {
        var review = $"{NumberWord(Set.Review.Weeks)} weeks";
        using var causes = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContent.Dir, "causes.json")));
        var texts = causes.RootElement.GetProperty("causes").EnumerateArray()
            .Select(c => c.GetProperty("whenToGetHelp").GetString()!)
            .Append(Set.SelfCareReason)
            .Append(Set.Prevention!.Text)
            .ToList();

        Assert.All(texts, text =>
        {
            var periods = Period().Matches(text).Select(m => m.Value).ToList();
            Assert.All(periods, p => Assert.Equal(review, p));
        });
        Assert.Contains(review, Set.SelfCareReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Signs_to_watch_for_are_sent_as_fast_as_their_rule()
    {
        TimeFrame Frame(string sign) => Set.Triage.Single(t => t.Id == Set.WatchFor.Single(w => w.Sign.Contains(sign, StringComparison.Ordinal)).Rule).TimeFrame;

        Assert.Equal(TimeFrame.Today, Frame("swells up within a couple of hours"));
        Assert.Equal(TimeFrame.WithinTwoDays, Frame("stuck and won't straighten"));
        Assert.Equal(TimeFrame.WithinTwoWeeks, Frame("catches now and then"));
    }

    [Fact]
    public void Nothing_describes_the_it_band_as_rubbing_to_and_fro()
    {
        var content = string.Join('\n', new[] { "rules.json", "causes.json" }.Select(f => File.ReadAllText(Path.Combine(TestContent.Dir, f))));

        Assert.DoesNotContain("IT band friction", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("band rubs", content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Frandsen_is_cited_for_spikes_not_for_tendons_being_hit_hardest()
    {
        Assert.All(Set.Causes.SelectMany(c => c.Signals).Where(s => s.Why.Contains("tendon", StringComparison.OrdinalIgnoreCase) && s.Source.Contains("Frandsen", StringComparison.Ordinal)),
            s => Assert.Contains("Malliaras", s.Source, StringComparison.Ordinal));
        Assert.DoesNotContain(Set.Causes.SelectMany(c => c.Signals), s => s.Why.Contains("point most to tendons", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"night_pain\"", 15, "\"below_kneecap\"")]
    [InlineData("\"night_pain\"", 17, "\"front_kneecap\"")]
    [InlineData("", 12, "\"outer_side\"")]
    [InlineData("\"bony_tenderness_kneecap\"", 30, "\"front_kneecap\"")]
    public void A_rule_that_points_away_from_overuse_names_no_cause(string flags, int age, string location)
    {
        var result = TestContent.Evaluate(TestContent.MildKneecap(flags: flags, age: age, location: location));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.True(result.CausesSetAside);
        Assert.Null(result.TopCause);
        // The clinician still reads the scores.
        Assert.Contains(result.Causes, c => c.Band != Band.Unlikely);
    }

    [Theory]
    [InlineData("", 9)]
    [InlineData("\"giving_way\"", 4)] // kneecap pain often comes with a sense of giving way
    public void Severe_pain_or_giving_way_still_names_the_cause_the_answers_fit(string flags, int worst)
    {
        var result = TestContent.Evaluate(TestContent.MildKneecap(flags: flags).Replace("\"worst_pain\": 4", $"\"worst_pain\": {worst}", StringComparison.Ordinal));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.False(result.CausesSetAside);
        Assert.Equal("runners_knee", result.TopCause);
    }

    private static string NumberWord(int n) => n switch
    {
        2 => "two",
        3 => "three",
        4 => "four",
        6 => "six",
        8 => "eight",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|\d+)\s+(weeks?|months?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Period();
}
