namespace KneeReset.Web.Content;

/// <summary>The calendar feed's words and how many runs it shows ahead (content/calendar.json).</summary>
public sealed class CalendarContent
{
    public required string Version { get; init; }
    public required NextRunsRule NextRuns { get; init; }
    public required CalendarWords Words { get; init; }

    public sealed class NextRunsRule
    {
        public required int Count { get; init; }
        public required string Why { get; init; }
        public required string Source { get; init; }
    }

    /// <summary>"{stage}", "{conditions}" and "{link}" are filled in as the feed is written.</summary>
    public sealed class CalendarWords
    {
        public required string RunSummary { get; init; }
        public required string RunDescription { get; init; }
        public required string CheckInSummary { get; init; }
        public required string CheckInDescription { get; init; }
        public required string ReviewSummary { get; init; }
        public required string PrivatePage { get; init; }
    }

    public static CalendarContent Read(string contentDir)
    {
        var path = Path.Combine(contentDir, "calendar.json");
        var calendar = KneeReset.Core.ContentJson.Read<CalendarContent>(path);
        return calendar.NextRuns.Count is >= 1 and <= 14 ? calendar
            : throw new InvalidDataException($"{path}: nextRuns.count must be 1 to 14.");
    }
}
