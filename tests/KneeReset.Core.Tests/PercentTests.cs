using System.Globalization;

namespace KneeReset.Core.Tests;

public class PercentTests
{
    [Theory]
    [InlineData(119.8, "119.8%")]
    [InlineData(100, "100%")]
    [InlineData(29.96, "30%")]
    public void A_percentage_has_at_most_one_decimal_and_no_space_before_the_sign(double value, string text) =>
        Assert.Equal(text, Percent.Text(value));

    [Fact]
    public void A_percentage_is_written_with_a_point_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("119.8%", Percent.Text(119.8));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Evidence_writes_the_runners_percentage_the_same_way()
    {
        // 44 km a week after 20: up 120%; 9 km on 7: 28.57...%, which evidence writes as 28.6%.
        var result = TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "weekly_km_now": 44, "weekly_km_month_ago": 20, "longest_run_km_recent": 9, "longest_run_km_month_before": 7}""");

        var lines = result.Causes.SelectMany(c => c.Evidence).Select(e => e.Text).Where(t => t.Contains('%', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, t => Assert.Matches(@"(^|[^0-9.])(120|28\.6)%", t));
        Assert.DoesNotContain(lines, t => t.Contains(" %", StringComparison.Ordinal));
    }
}
