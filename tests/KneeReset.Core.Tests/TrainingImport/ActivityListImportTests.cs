using KneeReset.Core.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>Strava's activities.csv and Garmin Connect's activity list.</summary>
public class ActivityListImportTests
{
    private static readonly DateTimeOffset Morning = new(2025, 10, 31, 7, 2, 11, TimeSpan.Zero);

    private static GeneratedRun Run(int daysLater, double km, string type) =>
        new(Morning.AddDays(daysLater), km, TimeSpan.FromMinutes(km * 6), type);

    [Fact]
    public void Strava_runs_of_every_kind_count_and_rides_walks_and_swims_do_not()
    {
        var csv = StravaCsv([Run(0, 10, "Run"), Run(1, 30, "Ride"), Run(2, 8.5, "Trail Run"), Run(3, 5, "Walk"),
            Run(4, 6, "Virtual Run"), Run(5, 1.5, "Swim")]);

        var imported = TrainingImporter.ReadRuns([File("activities.csv", csv)]);

        Assert.Equal([10.0, 8.5, 6.0], imported.Runs.Select(r => r.Km));
        Assert.Equal(3, imported.Ignored.NotRuns);
        Assert.Equal(new DateOnly(2025, 10, 31), imported.Runs[0].Date);
        Assert.Equal(TimeSpan.FromMinutes(60), imported.Runs[0].Duration);
    }

    [Fact]
    public void Strava_distance_is_read_from_the_metres_column_whatever_unit_the_runner_displays()
    {
        // A runner who set miles: the first Distance column is in miles, the second still in metres.
        var csv = StravaCsv([Run(0, 16.09344, "Run")], displayKmFactor: 1 / 1.609344);

        var run = Assert.Single(TrainingImporter.ReadRuns([File("activities.csv", csv)]).Runs);

        Assert.Equal(16.093, run.Km, 3);
    }

    [Fact]
    public void A_single_unlabelled_distance_column_is_taken_as_km()
    {
        var csv = "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance\n"
            + "1,\"Oct 31, 2025, 7:02:11 AM\",Run,3000,8.42\n";

        var run = Assert.Single(TrainingImporter.ReadRuns([File("activities.csv", csv)]).Runs);

        Assert.Equal(8.42, run.Km);
        Assert.Equal(TimeSpan.FromSeconds(3000), run.Duration);
    }

    [Fact]
    public void Garmin_running_types_count_and_the_date_is_the_local_one_written()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test-5", TimeSpan.FromHours(-5), "Test-5", "Test-5");
        var evening = new GeneratedRun(new DateTimeOffset(2025, 10, 31, 3, 30, 0, TimeSpan.Zero), 12.34, TimeSpan.FromMinutes(70), "Running");
        var csv = GarminCsv([evening, Run(1, 9, "Treadmill Running"), Run(2, 21.1, "Trail Running"), Run(3, 50, "Cycling"),
            Run(4, 400, "Lap Swimming"), Run(5, 4, "Track Running")], zone);

        var imported = TrainingImporter.ReadRuns([File("Activities.csv", csv)], zone);

        Assert.Equal([12.34, 9.0, 21.1, 4.0], imported.Runs.Select(r => r.Km));
        Assert.Equal(2, imported.Ignored.NotRuns);
        Assert.Equal(new DateOnly(2025, 10, 30), imported.Runs[0].Date); // 22:30 the evening before, locally
        Assert.Equal(TimeSpan.FromMinutes(70), imported.Runs[0].Duration);
    }

    [Theory]
    [InlineData("Distance (mi)", 1 / 1.609344, 16.09344)] // written as 10.00
    [InlineData("Distance (km)", 1.0, 10.0)]
    [InlineData("Distance (m)", 1000.0, 10.0)]
    public void A_unit_named_in_the_distance_header_is_followed(string header, double unitsPerKm, double km)
    {
        var csv = GarminCsv([Run(0, km, "Running")], TimeZoneInfo.Utc, header, unitsPerKm);

        var run = Assert.Single(TrainingImporter.ReadRuns([File("Activities.csv", csv)]).Runs);

        Assert.Equal(km, run.Km, 6);
    }

    [Theory]
    [InlineData("Distance", "\"10,5\"", 10.5)] // a decimal comma
    [InlineData("Distance (m)", "\"10,002.5\"", 10.0025)] // a thousands separator
    [InlineData("Distance", "7", 7.0)]
    public void Distances_are_read_with_either_decimal_mark(string header, string distance, double expectedKm)
    {
        var csv = $"Activity Type,Date,Title,{header},Time\nRunning,2025-10-31 07:00:00,Run,{distance},01:00:00\n";

        var run = Assert.Single(TrainingImporter.ReadRuns([File("Activities.csv", csv)]).Runs);

        Assert.Equal(expectedKm, run.Km, 9);
    }

    [Fact]
    public void A_run_with_no_distance_recorded_is_left_out_and_counted()
    {
        var csv = "Activity Type,Date,Title,Distance,Time\n"
            + "Running,2025-10-31 07:00:00,Run,--,00:30:00\n"
            + "Treadmill Running,2025-11-01 07:00:00,Run,0.00,00:30:00\n"
            + "Running,2025-11-02 07:00:00,Run,5.00,--\n";

        var imported = TrainingImporter.ReadRuns([File("Activities.csv", csv)]);

        var run = Assert.Single(imported.Runs);
        Assert.Equal(5, run.Km);
        Assert.Null(run.Duration);
        Assert.Equal(new IgnoredActivities(0, 2), imported.Ignored);
    }

    [Fact]
    public void A_separator_other_than_a_comma_is_recognised()
    {
        var csv = "Activity Type;Date;Distance;Time\nRunning;2025-10-31 07:00:00;6,2;00:36:00\n";

        var run = Assert.Single(TrainingImporter.ReadRuns([File("Activities.csv", csv)]).Runs);

        Assert.Equal(6.2, run.Km);
    }
}
