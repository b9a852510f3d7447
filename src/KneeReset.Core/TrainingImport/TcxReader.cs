using System.Xml;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// Reads Garmin Training Center (TCX v2) files: each &lt;Activity&gt; is one activity, its sport an
/// attribute (Running, Biking, Other). Distance is the laps' own total where they give one.
/// Courses (planned routes) are skipped.
/// </summary>
internal static class TcxReader
{
    /// <summary>Reads from the root &lt;TrainingCenterDatabase&gt; element to the end of the document.</summary>
    public static List<Activity> Read(XmlReader xml, ReadContext context)
    {
        var activities = new List<Activity>();
        var path = new ElementPath(xml); // path[1]: the child of the root we are in
        xml.Read();
        while (path.SkipToElement())
        {
            if (xml.Depth == 2 && xml.LocalName == "Activity" && path[1] == "Activities")
            {
                context.CountActivity();
                var sport = xml.GetAttribute("Sport");
                using (var activity = xml.ReadSubtree())
                {
                    activities.Add(ReadActivity(activity, sport, context));
                }
                xml.Read();
            }
            else if (xml.Depth == 1 && xml.LocalName != "Activities")
            {
                xml.Skip();
            }
            else
            {
                xml.Read();
            }
        }
        return activities;
    }

    private static Activity ReadActivity(XmlReader activity, string? sport, ReadContext context)
    {
        DateTimeOffset? id = null, firstLap = null, firstPoint = null;
        double lapMetres = 0, lapSeconds = 0;
        var length = new TrackLength();
        double? lat = null;
        var path = new ElementPath(activity); // path[0] is <Activity>
        activity.Read();
        while (path.SkipToElement())
        {
            var depth = activity.Depth;
            var line = SafeXml.LineOf(activity);
            switch (activity.LocalName, depth)
            {
                case ("Id", 1):
                    id = SafeXml.ReadTime(activity, context);
                    continue;
                case ("Lap", 1):
                    if (firstLap is null && activity.GetAttribute("StartTime") is { } startTime)
                    {
                        firstLap = SafeXml.ParseTime(startTime.Trim(), "StartTime", line, context);
                    }
                    break;
                case ("DistanceMeters", 2) when path[1] == "Lap":
                    lapMetres += SafeXml.ReadNumber(activity, context);
                    continue;
                case ("TotalTimeSeconds", 2) when path[1] == "Lap":
                    lapSeconds += SafeXml.ReadNumber(activity, context);
                    continue;
                case ("Track", 2):
                    length.StartSegment();
                    break;
                case ("Time", 4) when path[3] == "Trackpoint":
                    var time = SafeXml.ReadTime(activity, context);
                    firstPoint ??= time;
                    continue;
                case ("LatitudeDegrees", 5) when path[4] == "Position":
                    lat = SafeXml.ReadNumber(activity, context);
                    continue;
                case ("LongitudeDegrees", 5) when path[4] == "Position":
                    var lon = SafeXml.ReadNumber(activity, context);
                    var position = SafeXml.CheckPosition(
                        lat ?? throw context.Error($"line {line}: a position has a longitude but no latitude."), lon, line, context);
                    length.Add(position.Lat, position.Lon);
                    lat = null;
                    continue;
            }
            activity.Read();
        }
        var start = id ?? firstLap ?? firstPoint
            ?? throw context.Error("an activity has no Id or start time, so the date of that run is unknown.");
        var (km, fromTotal) = lapMetres > 0 ? (lapMetres / 1000, true)
            : length.Km > 0 ? (length.Km, false)
            : ((double?)null, false);
        double? seconds = lapSeconds > 0 ? lapSeconds : null;
        return context.Activity(start, km, seconds, ActivityTypes.Classify(sport), fromTotal);
    }
}
