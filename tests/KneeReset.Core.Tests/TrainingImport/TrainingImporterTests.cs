using System.Text.Json;
using KneeReset.Core.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>A whole upload: files of every kind together, duplicates, and the figures that come out.</summary>
public class TrainingImporterTests
{
    private static readonly DateTimeOffset Morning = new(2025, 10, 31, 7, 0, 0, TimeSpan.Zero);

    private static GeneratedRun Run(int daysLater, double km, string type = "running") =>
        new(Morning.AddDays(daysLater), km, TimeSpan.FromMinutes(km * 6), type);

    [Fact]
    public void A_run_in_a_gpx_file_and_in_the_activity_list_counts_once_with_the_lists_distance()
    {
        var inGpx = Run(0, 9.8);
        var inCsv = inGpx with { Start = inGpx.Start.AddSeconds(90), Km = 10, Type = "Run" };

        var imported = TrainingImporter.ReadRuns([File("a.gpx", Gpx11(inGpx)), File("activities.csv", StravaCsv([inCsv]))]);

        var run = Assert.Single(imported.Runs);
        Assert.Equal(10, run.Km);
    }

    [Fact]
    public void Activities_starting_more_than_two_minutes_apart_are_different_runs()
    {
        var first = Run(0, 5);
        var second = first with { Start = first.Start.AddMinutes(3), Type = "Run" };

        var imported = TrainingImporter.ReadRuns([File("a.gpx", Gpx11(first)), File("activities.csv", StravaCsv([second]))]);

        Assert.Equal(2, imported.Runs.Count);
    }

    [Fact]
    public void An_untyped_gpx_track_that_the_activity_list_calls_a_ride_is_left_out()
    {
        var ride = Run(0, 30, type: "");
        var listed = ride with { Start = ride.Start.AddSeconds(20), Type = "Ride" };

        var imported = TrainingImporter.ReadRuns([File("a.gpx", Gpx11(ride)), File("activities.csv", StravaCsv([listed]))]);

        Assert.Empty(imported.Runs);
        Assert.Equal(new IgnoredActivities(1, 0), imported.Ignored);
    }

    [Fact]
    public void The_same_file_added_twice_counts_once()
    {
        var gpx = Gpx11(Run(0, 5), Run(1, 6));

        var imported = TrainingImporter.ReadRuns([File("a.gpx", gpx), File("a copy.gpx", gpx)]);

        Assert.Equal(2, imported.Runs.Count);
    }

    [Fact]
    public void The_format_comes_from_the_content_not_the_file_name()
    {
        var imported = TrainingImporter.ReadRuns([
            File("export.txt", Gpx11(Run(0, 5))),
            File("run.gpx", Tcx([Run(1, 6, "Running")])),
            File("list.tcx", StravaCsv([Run(2, 7, "Run")])),
        ]);

        Assert.Equal([5.0, 6.0, 7.0], imported.Runs.Select(r => Math.Round(r.Km, 6)));
    }

    [Fact]
    public void Gzipped_files_from_a_strava_export_are_unpacked()
    {
        var imported = TrainingImporter.ReadRuns([Gzipped("123.gpx.gz", Gpx11(Run(0, 5))), Gzipped("456.tcx.gz", Tcx([Run(1, 6, "Running")]))]);

        Assert.Equal([5.0, 6.0], imported.Runs.Select(r => Math.Round(r.Km, 6)));
    }

    [Fact]
    public void Files_of_every_kind_give_the_figures_and_the_spike_of_a_run_twice_the_longest_before()
    {
        var zone = TimeZoneInfo.Utc;
        var summary = TrainingImporter.Read(
        [
            File("early.gpx", Gpx11(Run(-35, 7.5), Run(-30, 8))),
            File("mid.tcx", Tcx([Run(-20, 7, "Running"), Run(-20, 40, "Biking") with { Start = Morning.AddDays(-20).AddHours(5) }])),
            File("activities.csv", StravaCsv([Run(-10, 8, "Run"), Run(-3, 5, "Run")])),
            File("Activities.csv", GarminCsv([Run(0, 16, "Running"), Run(-1, 10, "Walking")], zone)),
        ]);

        Assert.Equal(6, summary.Runs);
        Assert.Equal(new DateOnly(2025, 9, 26), summary.From);
        Assert.Equal(new DateOnly(2025, 10, 31), summary.To);
        Assert.Equal(new DateOnly(2025, 10, 31), summary.AsOf);
        Assert.Equal(new TrainingAnswers(WeeklyKmNow: 21, WeeklyKmMonthAgo: 8, LongestRunKmRecent: 16, LongestRunKmMonthBefore: 8),
            summary.Answers);
        Assert.Equal([new Spike(new DateOnly(2025, 10, 31), 16, 8, 100, SpikeBands.From30To100)], summary.Spikes);
        Assert.Equal(new IgnoredActivities(2, 0), summary.Ignored);
        Assert.Equal(7.5 + 8 + 7 + 8 + 5 + 16, summary.WeeklyKm.Sum(w => w.Km), 6);
    }

    [Fact]
    public void A_given_date_moves_the_windows_the_figures_look_back_over()
    {
        var summary = TrainingImporter.Read([File("a.gpx", Gpx11(Run(-8, 4), Run(-6, 5), Run(0, 12)))], asOf: new DateOnly(2025, 10, 25));

        Assert.Equal(new DateOnly(2025, 10, 25), summary.AsOf);
        Assert.Equal(9, summary.Answers!.WeeklyKmNow, 6);
        Assert.Equal(5, summary.Answers.LongestRunKmRecent, 6);
    }

    [Fact]
    public void The_summary_serialises_to_the_shape_of_the_api_answer_with_no_positions_in_it()
    {
        var summary = TrainingImporter.Read([File("a.gpx", Gpx11(Run(-40, 5), Run(0, 12.5)))]);

        var json = JsonSerializer.SerializeToElement(summary, JsonSerializerOptions.Web);

        Assert.Equal(["runs", "from", "to", "weeklyKm", "answers", "spikes", "asOf", "ignored"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["weekly_km_now", "weekly_km_month_ago", "longest_run_km_recent", "longest_run_km_month_before"],
            json.GetProperty("answers").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["date", "km", "previousLongestKm", "increasePercent", "band"],
            json.GetProperty("spikes")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["weekStart", "km"], json.GetProperty("weeklyKm")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-10-31", json.GetProperty("to").GetString());
        Assert.DoesNotContain("45.", json.GetRawText(), StringComparison.Ordinal); // the tracks' latitudes
    }
}
