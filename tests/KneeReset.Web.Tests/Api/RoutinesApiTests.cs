using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests.Api;

public class RoutinesApiTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_library_serves_at_least_8_routines_using_at_least_30_distinct_exercises()
    {
        using var client = factory.CreateClient();

        var list = (await client.GetFromJsonAsync<JsonArray>("/api/routines"))!;
        var exercises = new HashSet<string>();
        foreach (var routine in list)
        {
            var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/routines/{routine!["slug"]}"))!;
            var steps = detail["steps"]!.AsArray();
            Assert.NotEmpty(steps);
            Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s!["position"]!.GetValue<int>()));
            exercises.UnionWith(steps.Select(s => s!["exercise"]!.GetValue<string>()));
            Assert.True(routine["durationSeconds"]!.GetValue<int>() > 0);
            Assert.NotEmpty(routine["targets"]!.AsArray());
        }

        Assert.True(list.Count >= 8, $"{list.Count} routines");
        Assert.True(exercises.Count >= 30, $"{exercises.Count} distinct exercises");
    }

    [Fact]
    public async Task The_post_run_reset_takes_about_five_minutes_and_targets_reset()
    {
        using var client = factory.CreateClient();

        var reset = (await client.GetFromJsonAsync<JsonObject>("/api/routines/post-run-knee-reset"))!;

        Assert.InRange(reset["durationSeconds"]!.GetValue<int>(), 4 * 60, 7 * 60);
        Assert.Contains("reset", reset["targets"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_routine_is_a_404_problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/routines/no-such-routine", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/routines", "routine-card")]
    [InlineData("/routines?noEquipment=true&minutes=10", "routine-card")]
    [InlineData("/routines/tendon-loading", "Pain rule")]
    [InlineData("/exercises/glute-bridge", "How to do it")]
    public async Task Library_pages_render(string path, string expected)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        using var client = factory.CreateClient();

        var all = await client.GetStringAsync(new Uri("/routines", UriKind.Relative));
        var itBand = await client.GetStringAsync(new Uri("/routines?cause=it_band", UriKind.Relative));

        Assert.True(Count(itBand) < Count(all));
        Assert.Contains("lateral-hip-release", itBand, StringComparison.Ordinal);
        Assert.DoesNotContain("/routines/tendon-loading", itBand, StringComparison.Ordinal);

        static int Count(string html) => html.Split("class=\"routine-card\"").Length - 1;
    }
}
