using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests;

/// <summary>Helpers for the return-to-running ladder through the API: open it the way a runner would.</summary>
public static class RunningLadder
{
    public static readonly string[] SelfTests = ["brisk_walk_30", "single_leg_squat_10", "single_leg_hop_10"];

    public static string Day(DateOnly today, int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Two comfortable sessions a week apart (the pain model says progress), then every self-test passed today.</summary>
    public static async Task OpenAsync(HttpClient client, string manage, DateOnly today)
    {
        await ComfortableWeekAsync(client, manage, today);
        foreach (var test in SelfTests)
        {
            using var passed = await client.PostAsJsonAsync($"/api/manage/{manage}/self-tests", new { test, passed = true, on = Day(today, 0), pain = 1 });
            Assert.Equal(HttpStatusCode.Created, passed.StatusCode);
        }
    }

    public static async Task ComfortableWeekAsync(HttpClient client, string manage, DateOnly today)
    {
        foreach (var daysAgo in new[] { 9, 2 })
        {
            using var session = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", on = Day(today, daysAgo), painDuring = 1, usualPain = 1, painNextMorning = 1 });
            Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        }
    }

    public static async Task<JsonNode> StateAsync(HttpClient client, string manage)
    {
        using var response = await client.GetAsync(new Uri($"/api/manage/{manage}/recovery", UriKind.Relative));
        return (await ApiClient.ReadJsonAsync(response))["returnToRun"]!;
    }
}
