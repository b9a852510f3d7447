using System.Xml;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// Reads GPX 1.1 and 1.0 track files: each &lt;trk&gt; is one activity. Routes and waypoints are
/// plans, not runs, and are skipped. GPX gives no total distance, so the track is measured.
/// </summary>
internal static class GpxReader
{
    /// <summary>Reads from the root &lt;gpx&gt; element to the end of the document.</summary>
    public static List<Activity> Read(XmlReader xml, ReadContext context)
    {
        var tracks = new List<TrackRead>();
        DateTimeOffset? fileTime = null;
        var path = new ElementPath(xml); // path[1]: the child of <gpx> we are in
        xml.Read();
        while (path.SkipToElement())
        {
            switch (xml.LocalName, xml.Depth)
            {
                case ("trk", 1):
                    context.CountActivity();
                    using (var track = xml.ReadSubtree())
                    {
                        tracks.Add(ReadTrack(track, context));
                    }
                    xml.Read();
                    break;
                // GPX 1.0 puts the file's time under <gpx>; 1.1 under <metadata>.
                case ("time", 1):
                case ("time", 2) when path[1] == "metadata":
                    fileTime = SafeXml.ReadTime(xml, context);
                    break;
                case ("rte", 1):
                case ("wpt", 1):
                    xml.Skip();
                    break;
                default:
                    xml.Read();
                    break;
            }
        }
        return tracks.Select(t => ToActivity(t, fileTime, context)).ToList();
    }

    private sealed record TrackRead(string? Type, double? Km, DateTimeOffset? First, DateTimeOffset? Last);

    private static TrackRead ReadTrack(XmlReader track, ReadContext context)
    {
        string? type = null;
        var length = new TrackLength();
        DateTimeOffset? first = null, last = null;
        var path = new ElementPath(track); // path[0] is <trk>
        track.Read();
        while (path.SkipToElement())
        {
            var depth = track.Depth;
            switch (track.LocalName, depth)
            {
                case ("type", 1):
                    type = track.ReadElementContentAsString().Trim();
                    continue;
                case ("trkseg", 1):
                    length.StartSegment();
                    break;
                case ("trkpt", 2):
                    AddPoint(track, length, context);
                    break;
                case ("time", 3) when path[2] == "trkpt":
                    var time = SafeXml.ReadTime(track, context);
                    first ??= time;
                    last = time;
                    continue;
            }
            track.Read();
        }
        return new TrackRead(type, length.HasPoints ? length.Km : null, first, last);
    }

    private static void AddPoint(XmlReader point, TrackLength length, ReadContext context)
    {
        var line = SafeXml.LineOf(point);
        var lat = point.GetAttribute("lat");
        var lon = point.GetAttribute("lon");
        if (lat is null || lon is null)
        {
            throw context.Error($"line {line}: a track point has no lat and lon.");
        }
        var (la, lo) = SafeXml.CheckPosition(
            SafeXml.ParseNumber(lat.Trim(), "lat", line, context),
            SafeXml.ParseNumber(lon.Trim(), "lon", line, context), line, context);
        length.Add(la, lo);
    }

    private static Activity ToActivity(TrackRead track, DateTimeOffset? fileTime, ReadContext context)
    {
        var start = track.First ?? fileTime
            ?? throw context.Error("a track has no times, so the date of that run is unknown.");
        double? seconds = track.First is { } f && track.Last is { } l && l > f ? (l - f).TotalSeconds : null;
        // A track that never moves (a treadmill recorded by phone) gives no distance.
        double? km = track.Km is > 0 ? track.Km : null;
        return context.Activity(start, km, seconds, ActivityTypes.Classify(track.Type), kmFromFileTotal: false);
    }
}
