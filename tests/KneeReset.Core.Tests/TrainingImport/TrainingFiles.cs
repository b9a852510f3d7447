using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>A run to write into a generated file: when it started, how far, how long, and its type as the file names it.</summary>
public sealed record GeneratedRun(DateTimeOffset Start, double Km, TimeSpan Duration, string Type = "running");

/// <summary>
/// Writes GPX 1.1, GPX 1.0, TCX v2, Strava and Garmin CSV files from runs of known distance.
/// Tracks run due north along a meridian, where the haversine distance between two points is
/// exactly R·Δφ, so the measured distance is known to the millimetre.
/// </summary>
public static class TrainingFiles
{
    private const int PointsPerRun = 25;

    /// <summary>The day the web tests' runs lead up to: Friday 31 October 2025, 07:30 UTC.</summary>
    public static readonly DateTimeOffset Halloween = new(2025, 10, 31, 7, 30, 0, TimeSpan.Zero);

    /// <summary>8 km on four Wednesdays of October, then 16 km on Friday 31 October: 100 % over the month's longest.</summary>
    public static readonly GeneratedRun[] October =
    [
        RunOnHalloween(-30, 8), RunOnHalloween(-23, 8), RunOnHalloween(-16, 8), RunOnHalloween(-9, 8), RunOnHalloween(0, 16),
    ];

    /// <summary>A run <paramref name="days"/> from <see cref="Halloween"/>, at 5:30 a kilometre.</summary>
    public static GeneratedRun RunOnHalloween(int days, double km, string type = "running") =>
        new(Halloween.AddDays(days), km, TimeSpan.FromMinutes(km * 5.5), type);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static (string FileName, Stream Content) File(string name, string content) =>
        (name, new MemoryStream(Encoding.UTF8.GetBytes(content)));

    public static (string FileName, Stream Content) Gzipped(string name, string content)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }
        packed.Position = 0;
        return (name, packed);
    }

    /// <summary>The track of a run: evenly spaced points from 45° N, 10° E northward, with times.</summary>
    public static IEnumerable<(double Lat, double Lon, DateTimeOffset Time)> Track(GeneratedRun run, double startLat = 45.0)
    {
        var stepDegrees = run.Km / GeoDistanceRadiusKm / (PointsPerRun - 1) * 180 / Math.PI;
        for (var i = 0; i < PointsPerRun; i++)
        {
            yield return (startLat + (i * stepDegrees), 10.0, run.Start + (run.Duration * i / (PointsPerRun - 1)));
        }
    }

    private const double GeoDistanceRadiusKm = 6371.0088;

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);

    private static string N(double value) => value.ToString("R", Inv);

    public static string Gpx11(params GeneratedRun[] runs)
    {
        var gpx = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="KneeReset tests" xmlns="http://www.topografix.com/GPX/1/1"
                 xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
            """).AppendLine();
        gpx.AppendLine(CultureInfo.InvariantCulture, $"  <metadata><time>{Time(runs[0].Start)}</time></metadata>");
        foreach (var run in runs)
        {
            gpx.AppendLine("  <trk><name>Run &amp; fun</name>");
            if (run.Type.Length > 0)
            {
                gpx.AppendLine(CultureInfo.InvariantCulture, $"    <type>{run.Type}</type>");
            }
            gpx.AppendLine("    <trkseg>");
            foreach (var (lat, lon, time) in Track(run))
            {
                gpx.AppendLine(CultureInfo.InvariantCulture,
                    $"      <trkpt lat=\"{N(lat)}\" lon=\"{N(lon)}\"><ele>12.5</ele><time>{Time(time)}</time>"
                    + $"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>");
            }
            gpx.AppendLine("    </trkseg>\n  </trk>");
        }
        return gpx.AppendLine("</gpx>").ToString();
    }

    /// <summary>GPX 1.0 has no track type: its tracks are taken as runs.</summary>
    public static string Gpx10(params GeneratedRun[] runs)
    {
        var gpx = new StringBuilder("""<gpx version="1.0" creator="old logger" xmlns="http://www.topografix.com/GPX/1/0">""").AppendLine();
        gpx.AppendLine(CultureInfo.InvariantCulture, $"<time>{Time(runs[0].Start)}</time>");
        foreach (var run in runs)
        {
            gpx.AppendLine("<trk><name>Track</name><number>1</number><trkseg>");
            foreach (var (lat, lon, time) in Track(run))
            {
                gpx.AppendLine(CultureInfo.InvariantCulture, $"<trkpt lat=\"{N(lat)}\" lon=\"{N(lon)}\"><time>{Time(time)}</time><speed>3.1</speed></trkpt>");
            }
            gpx.AppendLine("</trkseg></trk>");
        }
        return gpx.AppendLine("</gpx>").ToString();
    }

    /// <summary>
    /// TCX v2 with the run in two laps. The laps state <paramref name="lapKm"/> (the run's distance
    /// unless given) as DistanceMeters; null leaves the laps without one, so the track is measured.
    /// </summary>
    public static string Tcx(GeneratedRun[] runs, Func<GeneratedRun, double?>? lapKm = null)
    {
        lapKm ??= run => run.Km;
        var tcx = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
                xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
              <Activities>
            """).AppendLine();
        foreach (var run in runs)
        {
            var sport = run.Type.Length > 0 ? $" Sport=\"{run.Type}\"" : "";
            tcx.AppendLine(CultureInfo.InvariantCulture, $"    <Activity{sport}>\n      <Id>{Time(run.Start)}</Id>");
            var points = Track(run).ToList();
            var half = points.Count / 2;
            foreach (var lap in new[] { points[..(half + 1)], points[half..] })
            {
                tcx.AppendLine(CultureInfo.InvariantCulture, $"      <Lap StartTime=\"{Time(lap[0].Time)}\">");
                tcx.AppendLine(CultureInfo.InvariantCulture, $"        <TotalTimeSeconds>{N((lap[^1].Time - lap[0].Time).TotalSeconds)}</TotalTimeSeconds>");
                if (lapKm(run) is { } km)
                {
                    tcx.AppendLine(CultureInfo.InvariantCulture, $"        <DistanceMeters>{N(km * 500)}</DistanceMeters>");
                }
                tcx.AppendLine("        <Calories>300</Calories><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>\n        <Track>");
                foreach (var (lat, lon, time) in lap)
                {
                    tcx.AppendLine(CultureInfo.InvariantCulture,
                        $"          <Trackpoint><Time>{Time(time)}</Time><Position><LatitudeDegrees>{N(lat)}</LatitudeDegrees>"
                        + $"<LongitudeDegrees>{N(lon)}</LongitudeDegrees></Position><AltitudeMeters>20</AltitudeMeters></Trackpoint>");
                }
                tcx.AppendLine("        </Track>\n      </Lap>");
            }
            tcx.AppendLine("    </Activity>");
        }
        return tcx.AppendLine("  </Activities>\n</TrainingCenterDatabase>").ToString();
    }

    /// <summary>
    /// A Strava bulk-export activities.csv, in its real column order (shortened): Distance once in
    /// the runner's display unit (<paramref name="displayKmFactor"/> per km) and again in metres.
    /// </summary>
    public static string StravaCsv(GeneratedRun[] runs, double displayKmFactor = 1.0)
    {
        var csv = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
            + "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,"
            + "Elapsed Time,Moving Time,Distance,Max Speed\n");
        var id = 1000;
        foreach (var run in runs)
        {
            var date = run.Start.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", Inv);
            var seconds = run.Duration.TotalSeconds;
            csv.Append(CultureInfo.InvariantCulture,
                $"{id},\"{date}\",\"Lunch {run.Type}, with \"\"friends\"\"\",{run.Type},\"line one\nline two\",{seconds:0},"
                + $"{run.Km * displayKmFactor:0.00},160,40,false,,Shoes,activities/{id}.gpx,,,{seconds:0.0},{seconds - 60:0.0},{run.Km * 1000:0.0},4.2\n");
            id++;
        }
        return csv.ToString();
    }

    /// <summary>A Garmin Connect activity list, local start times, distance in the given header's unit.</summary>
    public static string GarminCsv(GeneratedRun[] runs, TimeZoneInfo zone, string distanceHeader = "Distance", double unitsPerKm = 1.0)
    {
        var csv = new StringBuilder($"Activity Type,Date,Favorite,Title,{distanceHeader},Calories,Time,Avg HR,Max HR,Avg Pace,Elapsed Time\n");
        foreach (var run in runs)
        {
            var local = TimeZoneInfo.ConvertTime(run.Start, zone).DateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv);
            csv.Append(CultureInfo.InvariantCulture,
                $"{run.Type},{local},false,\"Town {run.Type}\",\"{run.Km * unitsPerKm:#,0.00}\",612,{run.Duration:hh\\:mm\\:ss},150,171,5:48,{run.Duration:hh\\:mm\\:ss\\.f}\n");
        }
        return csv.ToString();
    }
}
