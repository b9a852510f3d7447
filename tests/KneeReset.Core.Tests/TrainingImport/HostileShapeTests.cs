using System.Globalization;
using System.Text;
using KneeReset.Core.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>
/// Files shaped to make the import hold or do too much (issue 22): deep nesting, floods of
/// attributes, names and activities, dates far apart, numbers no run can have. Each is refused
/// or left out with a plain message, and what reading it allocates is bounded.
/// </summary>
public class HostileShapeTests
{
    private static readonly DateTimeOffset Morning = new(2025, 10, 31, 7, 0, 0, TimeSpan.Zero);

    private static GeneratedRun Run(int daysLater, double km, string type = "running") =>
        new(Morning.AddDays(daysLater), km, TimeSpan.FromMinutes(km * 6), type);

    private static TrainingImportException Refused(string fileName, string content, ImportLimits? limits = null) =>
        Assert.Throws<TrainingImportException>(() => TrainingImporter.ReadRuns([File(fileName, content)], limits: limits));

    /// <summary>Bytes the current thread allocates while <paramref name="action"/> runs (the import reads on the caller's thread).</summary>
    private static long AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    // ---- nesting ----

    [Theory]
    [InlineData("<gpx version=\"1.1\">", "<a>")]
    [InlineData("<gpx version=\"1.1\"><rte>", "<a>")] // inside a section the reader skips
    [InlineData("<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"45\" lon=\"10\">", "<x:a xmlns:x=\"u\">")]
    [InlineData("<TrainingCenterDatabase><Courses>", "<a>")]
    [InlineData("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\">", "<Lap>")]
    public void A_deeply_nested_document_is_refused_as_soon_as_it_is_too_deep_and_costs_little(string start, string open)
    {
        // A million unclosed elements: the reader would keep state for each one.
        var deep = start + Repeat(open, 1_000_000);
        TrainingImportException? error = null;

        var allocated = AllocatedBy(() => error = Refused("deep.gpx", deep));

        Assert.Contains($"nested more than {ImportLimits.MaxXmlDepth} deep", error!.Message, StringComparison.Ordinal);
        Assert.StartsWith("deep.gpx: line 1: ", error.Message, StringComparison.Ordinal);
        // The file's bytes are copied a few times; the nesting itself must cost next to nothing.
        Assert.InRange(allocated, 0, (deep.Length * 4L) + (8 * 1024 * 1024));
    }

    [Fact]
    public void Nesting_as_deep_as_a_real_file_with_extensions_is_read()
    {
        var gpx = Gpx11(Run(0, 5)).Replace("<gpxtpx:hr>150</gpxtpx:hr>",
            Repeat("<gpxtpx:x>", 20) + Repeat("</gpxtpx:x>", 20), StringComparison.Ordinal);

        var imported = TrainingImporter.ReadRuns([File("deep-ish.gpx", gpx)]);

        Assert.Equal(5, Assert.Single(imported.Runs).Km, 6);
    }

    // ---- attribute and name floods ----

    [Theory]
    [InlineData(" a{0}=\"\"")] // new names
    [InlineData(" a=\"1\"")] // one name again and again: the parser would read them all before finding the duplicate
    [InlineData(" a{0}='>'")] // quoted '>' does not end the tag
    public void An_element_with_a_flood_of_attributes_is_refused_before_it_is_parsed(string attribute)
    {
        var attributes = string.Concat(Enumerable.Range(0, 1_000_000).Select(i => string.Format(CultureInfo.InvariantCulture, attribute, i)));
        var flood = $"<gpx version=\"1.1\"><!-- a=1 <b> --><![CDATA[ <c d=\"\"> ]]><trk{attributes}/></gpx>";
        TrainingImportException? error = null;

        var allocated = AllocatedBy(() => error = Refused("flood.gpx", flood));

        Assert.Equal($"flood.gpx: line 1: an element has more than {ImportLimits.MaxXmlAttributes} attributes, far more than any GPX or TCX file needs.", error!.Message);
        // The file's bytes are copied a few times (into the upload's buffer, which grows by doubling); the attributes cost nothing.
        Assert.InRange(allocated, 0, (flood.Length * 6L) + (8 * 1024 * 1024));
    }

    [Fact]
    public void An_element_with_more_attributes_than_any_track_file_has_is_refused()
    {
        var attributes = string.Concat(Enumerable.Range(0, ImportLimits.MaxXmlAttributes + 1).Select(i => $" a{i}=\"1\""));

        var error = Refused("many.gpx", $"<gpx version=\"1.1\"><trk{attributes}/></gpx>");

        Assert.Contains($"more than {ImportLimits.MaxXmlAttributes} attributes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_in_comments_sections_and_values_are_not_counted()
    {
        var many = string.Concat(Enumerable.Range(0, 200).Select(i => $" a{i}=\"\""));
        var gpx = Gpx11(Run(0, 5)).Replace("<trk>", $"<!-- <x{many}> --><?pi {many}?><trk><desc><![CDATA[<x{many}>]]></desc><name>a=b={many.Replace("\"", "", StringComparison.Ordinal)}</name>",
            StringComparison.Ordinal);

        var imported = TrainingImporter.ReadRuns([File("notes.gpx", gpx)]);

        Assert.Single(imported.Runs);
    }

    [Fact]
    public void A_flood_of_new_element_names_is_refused()
    {
        var flood = "<gpx version=\"1.1\">" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<e{i}/>")) + "</gpx>";

        var error = Refused("names.gpx", flood);

        Assert.Contains($"more than {ImportLimits.MaxXmlNames} different element and attribute names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzipped_files_count_towards_the_upload_limit_unpacked()
    {
        // A repetitive file packs a thousandfold: 400 such files once meant gigabytes to parse.
        var gpx = Gpx11(Run(0, 5), Run(1, 6));
        var limits = ImportLimits.Default with { UploadBytes = (Encoding.UTF8.GetByteCount(gpx) * 2) + 10 };

        var error = Assert.Throws<TrainingImportException>(() =>
            TrainingImporter.ReadRuns([Gzipped("1.gpx.gz", gpx), Gzipped("2.gpx.gz", gpx), Gzipped("3.gpx.gz", gpx)], limits: limits));

        Assert.Null(error.FileName);
        Assert.StartsWith("The files add up to more than", error.Message, StringComparison.Ordinal);
        Assert.Contains("(unpacked)", error.Message, StringComparison.Ordinal);
    }

    // ---- many activities, many runs ----

    [Theory]
    [InlineData("tracks.gpx")]
    [InlineData("activities.tcx")]
    [InlineData("activities.csv")]
    public void More_activities_than_an_upload_may_hold_are_refused_while_reading(string fileName)
    {
        var count = ImportLimits.MaxActivities + 1;
        var content = fileName switch
        {
            "tracks.gpx" => "<gpx version=\"1.1\">" + Repeat("<trk/>", count) + "</gpx>",
            "activities.tcx" => "<TrainingCenterDatabase><Activities>" + Repeat("<Activity Sport=\"Running\"><Id>2025-10-31T07:00:00Z</Id></Activity>", count) + "</Activities></TrainingCenterDatabase>",
            _ => "Activity Type,Date,Distance\n" + Repeat("Running,2025-10-31 07:00:00,5\n", count),
        };

        var error = Refused(fileName, content);

        Assert.Equal($"{fileName}: the files hold more than 10,000 activities, the most one upload may hold. Add fewer files, or only the last six months.",
            error.Message);
    }

    [Fact]
    public void The_activity_limit_counts_every_file_of_the_upload()
    {
        var limits = ImportLimits.Default with { Activities = 5 };
        var three = Gpx11(Run(0, 5), Run(1, 5), Run(2, 5));

        var error = Assert.Throws<TrainingImportException>(() =>
            TrainingImporter.ReadRuns([File("a.gpx", three), File("b.gpx", three)], limits: limits));

        Assert.Equal("b.gpx", error.FileName);
        Assert.Contains("more than 5 activities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_runs_in_the_window_than_an_upload_may_hold_are_refused()
    {
        var csv = new StringBuilder("Activity Type,Date,Distance\n");
        for (var i = 0; i <= ImportLimits.MaxRunsInWindow; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Running,{new DateTime(2025, 10, 1).AddMinutes(i * 10):yyyy-MM-dd HH:mm:ss},5\n");
        }

        var error = Assert.Throws<TrainingImportException>(() => TrainingImporter.Read([File("Activities.csv", csv.ToString())]));

        Assert.Null(error.FileName);
        Assert.Equal("The files hold more than 1,000 runs in the 26 weeks up to 2025-10-07, the most one upload may hold.", error.Message);
    }

    [Fact]
    public void Thousands_of_runs_over_years_keep_only_the_window_and_bounded_lists()
    {
        var csv = new StringBuilder("Activity Type,Date,Distance\n");
        var day = new DateTime(2016, 1, 1, 7, 0, 0);
        for (var i = 0; i < 3650; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Running,{day.AddDays(i):yyyy-MM-dd HH:mm:ss},{5 + (i % 17)}\n");
        }

        var summary = TrainingImporter.Read([File("Activities.csv", csv.ToString())]);

        Assert.Equal(RunRanges.WindowDays, summary.Runs);
        Assert.Equal(3650 - RunRanges.WindowDays, summary.Ignored.OutsideDates);
        Assert.InRange(summary.WeeklyKm.Count, 1, RunRanges.WindowWeeks + 1);
        Assert.InRange(summary.Spikes.Count, 0, summary.Runs);
    }

    // ---- dates ----

    [Fact]
    public void Runs_years_apart_give_only_the_window_not_a_week_for_every_week_between()
    {
        // The issue's file: two runs in year 2 and year 9998 gave a 17.7 MB answer.
        var csv = "Activity Type,Date,Distance\nRunning,0002-01-01 07:00:00,5\nRunning,9998-12-31 07:00:00,5\nRunning,2025-10-31 07:00:00,5\n";

        var summary = TrainingImporter.Read([File("far.csv", csv)]);

        Assert.Equal(1, summary.Runs);
        Assert.Equal(2, summary.Ignored.OutsideDates);
        Assert.Single(summary.WeeklyKm);
    }

    [Fact]
    public void Runs_outside_the_26_weeks_before_asOf_are_left_out_and_counted()
    {
        var gpx = Gpx11(Run(-182, 5), Run(-181, 6), Run(0, 7), Run(1, 8));

        var summary = TrainingImporter.Read([File("a.gpx", gpx)], asOf: DateOnly.FromDateTime(Morning.UtcDateTime));

        Assert.Equal(2, summary.Runs);
        Assert.Equal(new DateOnly(2025, 5, 3), summary.From);
        Assert.Equal(2, summary.Ignored.OutsideDates);
        Assert.Equal(RunRanges.WindowWeeks + 1, summary.WeeklyKm.Count);
    }

    [Fact]
    public void Nothing_but_far_dates_is_refused_saying_so_per_file()
    {
        var error = Assert.Throws<TrainingImportException>(() => TrainingImporter.Read([
            File("far.csv", "Activity Type,Date,Distance\nRunning,0002-01-01 07:00:00,5\nRunning,9998-12-31 07:00:00,5\n"),
            File("old.gpx", Gpx11(Run(-4000, 5))),
        ], asOf: new DateOnly(2025, 10, 31)));

        Assert.Equal("No run in the files can be used. far.csv: 2 activities dated outside the 26 weeks up to 2025-10-31. "
            + "old.gpx: 1 activity dated outside the 26 weeks up to 2025-10-31.", error.Message);
    }

    [Theory]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"45\" lon=\"10\"><time>0001-01-01T00:00:00+14:00</time></trkpt></trkseg></trk></gpx>")]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"45\" lon=\"10\"><time>9999-12-31T23:59:59-14:00</time></trkpt></trkseg></trk></gpx>")]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"45\" lon=\"10\"><time>9999-12-31T23:59:59Z</time></trkpt><trkpt lat=\"46\" lon=\"10\"><time>0001-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>")]
    [InlineData("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>9999-12-31T23:59:59Z</Id><Lap><DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>")]
    [InlineData("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>0001-01-01T00:00:00Z</Id><Lap><DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>")]
    [InlineData("Activity Type,Date,Distance\nRunning,9999-12-31 23:59:59,5\n")]
    [InlineData("Activity Type,Date,Distance\nRunning,0001-01-01 00:00:00,5\n")]
    [InlineData("Activity ID,Activity Date,Activity Type,Distance\n1,\"Dec 31, 9999, 11:59:59 PM\",Run,5\n")]
    public void Times_at_the_calendars_edges_give_a_plain_message_not_a_crash(string content)
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Kiribati", TimeSpan.FromHours(14), "Kiribati", "Kiribati");

        var error = Assert.Throws<TrainingImportException>(() => TrainingImporter.Read([File("edge.xml", content)], timeZone: zone));

        Assert.StartsWith("edge.xml", error.Message.Replace("No run in the files can be used. ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_to_look_back_from_outside_the_calendar_is_refused()
    {
        var error = Assert.Throws<TrainingImportException>(() =>
            TrainingImporter.Read([File("a.gpx", Gpx11(Run(0, 5)))], asOf: DateOnly.MaxValue));

        Assert.Equal("The day to look back from must be between 1980-01-01 and 2099-12-31.", error.Message);
    }

    // ---- values no run can have ----

    public static TheoryData<string, string, string> ImpossibleRuns() => new()
    {
        { "huge.csv", "Activity Type,Date,Distance\nRunning,2025-10-31 07:00:00,1.6e308\n", "a distance of 1.6E+308 km, more than the 500 km a run may be" },
        { "far.csv", "Activity Type,Date,Distance (mi)\nRunning,2025-10-31 07:00:00,1.5e308\n", "a distance of Infinity km" },
        { "long.csv", "Activity Type,Date,Distance,Time\nRunning,2025-10-31 07:00:00,5,1e300\n", "a time of 1E+300 seconds, not between 0 and 7 days" },
        { "hours.csv", "Activity Type,Date,Distance,Time\nRunning,2025-10-31 07:00:00,5,99999999999:00:00\n", "a time of 3.6E+14 seconds" },
        { "fast.csv", "Activity Type,Date,Distance,Time\nRunning,2025-10-31 07:00:00,42.2,00:10:00\n", "42.2 km in 600 seconds, faster than 40 km/h" },
        { "laps.tcx", "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>2025-10-31T07:00:00Z</Id><Lap><DistanceMeters>1e308</DistanceMeters></Lap><Lap><DistanceMeters>1e308</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>", "a distance of Infinity km" },
        { "time.tcx", "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>2025-10-31T07:00:00Z</Id><Lap><TotalTimeSeconds>1e308</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>", "a time of 1E+308 seconds" },
        { "poles.gpx", "<gpx><trk><trkseg><trkpt lat=\"90\" lon=\"0\"><time>2025-10-31T07:00:00Z</time></trkpt><trkpt lat=\"-90\" lon=\"0\"><time>2025-10-31T08:00:00Z</time></trkpt></trkseg></trk></gpx>", "a distance of 20015.1 km" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleRuns))]
    public void A_run_no_one_can_run_is_left_out_and_alone_it_is_refused_saying_why(string fileName, string content, string why)
    {
        var alone = Assert.Throws<TrainingImportException>(() => TrainingImporter.Read([File(fileName, content)]));
        var withAReal = TrainingImporter.Read([File(fileName, content), File("real.gpx", Gpx11(Run(0, 5)))]);

        Assert.StartsWith($"No run in the files can be used. {fileName}: 1 run no one can run (the first: ", alone.Message, StringComparison.Ordinal);
        Assert.Contains(why, alone.Message, StringComparison.Ordinal);
        Assert.Equal(1, withAReal.Runs);
        Assert.Equal(1, withAReal.Ignored.OutOfRange);
        Assert.All(withAReal.WeeklyKm, w => Assert.True(double.IsFinite(w.Km)));
    }

    [Fact]
    public void A_time_no_run_takes_is_left_out_even_when_another_file_gives_the_distance()
    {
        // A track that never moves but lasts 7,974 years, and the same run in the list with a distance and no time.
        var gpx = "<gpx><trk><type>running</type><trkseg><trkpt lat=\"45\" lon=\"10\"><time>2025-10-31T07:00:00Z</time></trkpt>"
            + "<trkpt lat=\"45\" lon=\"10\"><time>9999-12-31T23:59:59Z</time></trkpt></trkseg></trk></gpx>";

        var summary = TrainingImporter.Read([File("still.gpx", gpx), File("Activities.csv", "Activity Type,Date,Distance\nRunning,2025-10-31 07:00:30,5\n")]);

        Assert.Equal(1, summary.Runs);
        Assert.Equal(1, summary.Ignored.OutOfRange);
    }

    [Fact]
    public void An_upload_with_nothing_usable_says_what_was_wrong_file_by_file()
    {
        var error = Assert.Throws<TrainingImportException>(() => TrainingImporter.Read([
            File("rides.gpx", Gpx11(Run(0, 40, "cycling"), Run(2, 30, "cycling"))),
            File("empty.gpx", "<gpx version=\"1.1\"/>"),
            File("treadmill.gpx", Gpx11(Run(3, 0))),
        ]));

        Assert.Equal("No run in the files can be used. rides.gpx: 2 activities that are not runs. empty.gpx: it holds no activities. "
            + "treadmill.gpx: 1 run without a distance.", error.Message);
    }

    // ---- the request was given up ----

    [Fact]
    public async Task A_cancelled_import_stops_with_the_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TrainingImporter.ReadAsync([File("a.gpx", Gpx11(Run(0, 5)))], cancellationToken: cancelled.Token));
    }

    [Fact]
    public void A_cancellation_midway_through_a_file_stops_the_reading()
    {
        using var cancel = new CancellationTokenSource();
        var stream = new CancelAfterStream(Encoding.UTF8.GetBytes(Gpx11(Run(0, 5), Run(1, 6))), cancel);

        Assert.ThrowsAny<OperationCanceledException>(() => TrainingImporter.Read([("a.gpx", stream)], cancellationToken: cancel.Token));
    }

    /// <summary>Cancels the request once the whole file has been read, as a client giving up while the import works would.</summary>
    private sealed class CancelAfterStream(byte[] content, CancellationTokenSource cancel) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            if (read == 0)
            {
                cancel.Cancel();
            }
            return read;
        }
    }
}
