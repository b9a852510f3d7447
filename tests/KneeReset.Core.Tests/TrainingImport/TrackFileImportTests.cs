using KneeReset.Core.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>GPX and TCX files: distances, dates, durations and which activities count as runs.</summary>
public class TrackFileImportTests
{
    private static readonly DateTimeOffset Morning = new(2025, 10, 31, 7, 0, 0, TimeSpan.Zero);

    private static GeneratedRun Run(int daysLater, double km, string type = "running") =>
        new(Morning.AddDays(daysLater), km, TimeSpan.FromMinutes(km * 6), type);

    [Fact]
    public void Gpx_1_1_runs_are_measured_along_the_track_by_the_haversine_formula()
    {
        var imported = TrainingImporter.ReadRuns([File("october.gpx", Gpx11(Run(0, 10), Run(2, 21.0975)))]);

        Assert.Equal(2, imported.Runs.Count);
        Assert.Equal(10, imported.Runs[0].Km, 6);
        Assert.Equal(21.0975, imported.Runs[1].Km, 6);
        Assert.Equal(new DateOnly(2025, 10, 31), imported.Runs[0].Date);
        Assert.Equal(new DateOnly(2025, 11, 2), imported.Runs[1].Date);
        Assert.Equal(TimeSpan.FromMinutes(60), imported.Runs[0].Duration);
    }

    [Fact]
    public void Gpx_1_0_tracks_have_no_type_and_count_as_runs()
    {
        var imported = TrainingImporter.ReadRuns([File("old.gpx", Gpx10(Run(0, 5.5)))]);

        var run = Assert.Single(imported.Runs);
        Assert.Equal(5.5, run.Km, 6);
        Assert.Equal(new DateOnly(2025, 10, 31), run.Date);
    }

    [Theory]
    [InlineData("running", true)]
    [InlineData("Run", true)]
    [InlineData("trail_running", true)]
    [InlineData("TrailRun", true)]
    [InlineData("9", true)] // Strava's old numeric code for a run
    [InlineData("", true)] // no type
    [InlineData("cycling", false)]
    [InlineData("1", false)]
    [InlineData("walking", false)]
    [InlineData("hiking", false)]
    public void Gpx_tracks_count_only_when_running_or_untyped(string type, bool isRun)
    {
        var imported = TrainingImporter.ReadRuns([File("track.gpx", Gpx11(Run(0, 8, type)))]);

        Assert.Equal(isRun ? 1 : 0, imported.Runs.Count);
        Assert.Equal(isRun ? 0 : 1, imported.Ignored.NotRuns);
    }

    [Fact]
    public void A_pause_between_gpx_segments_is_not_counted_as_distance()
    {
        var first = Track(Run(0, 3)).ToList();
        var second = Track(Run(0, 2), startLat: 46.0).ToList(); // about 110 km further north
        string Points(IEnumerable<(double Lat, double Lon, DateTimeOffset Time)> points) => string.Concat(
            points.Select(p => $"<trkpt lat=\"{p.Lat:R}\" lon=\"{p.Lon:R}\"><time>{Time(p.Time)}</time></trkpt>"));
        var gpx = $"""
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type>
            <trkseg>{Points(first)}</trkseg><trkseg>{Points(second)}</trkseg></trk></gpx>
            """;

        var run = Assert.Single(TrainingImporter.ReadRuns([File("paused.gpx", gpx)]).Runs);

        Assert.Equal(5, run.Km, 6);
    }

    [Fact]
    public void Routes_and_waypoints_in_a_gpx_are_plans_not_runs()
    {
        var gpx = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
              <wpt lat="45" lon="10"><time>2025-10-30T07:00:00Z</time><type>running</type></wpt>
              <rte><name>Planned</name><rtept lat="45" lon="10"/><rtept lat="45.1" lon="10"/></rte>
            </gpx>
            """;

        var imported = TrainingImporter.ReadRuns([File("plan.gpx", gpx)]);

        Assert.Empty(imported.Runs);
        Assert.Equal(IgnoredActivities.None, imported.Ignored);
    }

    [Fact]
    public void A_gpx_track_that_never_moves_is_a_run_without_distance()
    {
        var gpx = """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
              <trkpt lat="45" lon="10"><time>2025-10-30T07:00:00Z</time></trkpt>
              <trkpt lat="45" lon="10"><time>2025-10-30T07:30:00Z</time></trkpt>
            </trkseg></trk></gpx>
            """;

        var imported = TrainingImporter.ReadRuns([File("treadmill.gpx", gpx)]);

        Assert.Empty(imported.Runs);
        Assert.Equal(new IgnoredActivities(0, 1), imported.Ignored);
    }

    [Fact]
    public void Tcx_distance_is_the_laps_own_total_when_they_give_one()
    {
        // The track measures 10 km but the watch (a foot pod, say) recorded 10.4 km: the file's total wins.
        var tcx = Tcx([Run(0, 10)], lapKm: _ => 10.4);

        var run = Assert.Single(TrainingImporter.ReadRuns([File("run.tcx", tcx)]).Runs);

        Assert.Equal(10.4, run.Km, 6);
        Assert.Equal(TimeSpan.FromMinutes(60), run.Duration);
        Assert.Equal(new DateOnly(2025, 10, 31), run.Date);
    }

    [Fact]
    public void Tcx_laps_without_a_distance_are_measured_along_the_track()
    {
        var tcx = Tcx([Run(0, 7.25)], lapKm: _ => null);

        var run = Assert.Single(TrainingImporter.ReadRuns([File("run.tcx", tcx)]).Runs);

        Assert.Equal(7.25, run.Km, 6);
    }

    [Fact]
    public void Tcx_counts_running_activities_and_leaves_out_biking_and_other()
    {
        var tcx = Tcx([Run(0, 10, "Running"), Run(1, 40, "Biking"), Run(2, 3, "Other"), Run(3, 12, "Running")]);

        var imported = TrainingImporter.ReadRuns([File("history.tcx", tcx)]);

        Assert.Equal([10.0, 12.0], imported.Runs.Select(r => Math.Round(r.Km, 6)));
        Assert.Equal(2, imported.Ignored.NotRuns);
    }

    [Fact]
    public void The_runners_time_zone_decides_the_date_of_a_run_near_midnight()
    {
        var lateEvening = new GeneratedRun(new DateTimeOffset(2025, 10, 30, 23, 30, 0, TimeSpan.Zero), 6, TimeSpan.FromMinutes(35));
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2");

        var inUtc = TrainingImporter.ReadRuns([File("late.gpx", Gpx11(lateEvening))]);
        var inPlusTwo = TrainingImporter.ReadRuns([File("late.gpx", Gpx11(lateEvening))], plusTwo);

        Assert.Equal(new DateOnly(2025, 10, 30), Assert.Single(inUtc.Runs).Date);
        Assert.Equal(new DateOnly(2025, 10, 31), Assert.Single(inPlusTwo.Runs).Date);
    }
}
