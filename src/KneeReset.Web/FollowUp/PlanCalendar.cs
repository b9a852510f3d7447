using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace KneeReset.Web.FollowUp;

/// <summary>
/// A clinician's plan as an iCalendar file: three sessions a week for four weeks per routine, and
/// the review date. Written by Ical.Net, which escapes text, so nothing a clinician types can
/// start an event of its own. The runner may forward the file: it holds no private link, only
/// the public address of each routine.
/// </summary>
public static class PlanCalendar
{
    public static string Write(PlanView plan, Func<string, string> routineUrl, DateTimeOffset now)
    {
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        var start = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var calendar = new Calendar { ProductId = "-//KneeReset//Plan//EN" };
        var n = 0;
        foreach (var item in plan.Items)
        {
            n++;
            var sessions = new CalendarEvent
            {
                Uid = $"plan-{plan.Plan.Id}-{plan.Plan.Version}-{n}@kneereset",
                DtStamp = stamp,
                DtStart = new CalDateTime(start),
                Summary = OneLine(item.Title),
                Description = Text($"{item.Dosage} {item.Note}".Trim()),
                Url = new Uri(routineUrl(item.Routine), UriKind.RelativeOrAbsolute),
                RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly)
                {
                    ByDay = [new WeekDay(DayOfWeek.Monday), new WeekDay(DayOfWeek.Wednesday), new WeekDay(DayOfWeek.Friday)],
                    Count = 12,
                },
            };
            calendar.Events.Add(sessions);
        }
        if (plan.Plan.ReviewDate is { } review)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"review-{plan.Plan.Id}-{plan.Plan.Version}@kneereset",
                DtStamp = stamp,
                DtStart = new CalDateTime(review),
                Summary = "Knee review with your clinician",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>Line breaks of any kind (a bare carriage return too) as one kind, which the serializer escapes.</summary>
    private static string? Text(string text) =>
        text.Length == 0 ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
