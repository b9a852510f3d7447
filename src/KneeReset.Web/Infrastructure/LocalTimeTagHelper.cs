using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KneeReset.Web.Infrastructure;

/// <summary>How much of a moment to show.</summary>
public enum LocalTimeShow
{
    Date,
    Minutes,
    Seconds,
}

/// <summary>
/// <c>&lt;local-time at="..." /&gt;</c>: a moment as the viewer's local time. Pages are cached and
/// shared, so the server can't know the viewer's zone: it writes <c>&lt;time datetime&gt;</c> in UTC
/// with text that says "UTC", and wwwroot/js/local-time.js rewrites the text in the browser's
/// zone. A calendar date (<see cref="DateOnly"/>, such as a review date) has no zone and never shifts.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    /// <summary>A <see cref="DateTimeOffset"/>, a UTC <see cref="DateTime"/> or a calendar <see cref="DateOnly"/>.</summary>
    public object? At { get; set; }

    public LocalTimeShow Show { get; set; } = LocalTimeShow.Date;

    /// <summary>"Nov" rather than "November", for tables.</summary>
    public bool ShortMonth { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        var month = ShortMonth ? "MMM" : "MMMM";
        var (datetime, text, show) = At switch
        {
            DateOnly date => (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString($"d {month} yyyy", CultureInfo.InvariantCulture), "calendar"),
            DateTimeOffset moment => Moment(moment.ToUniversalTime(), month),
            DateTime moment => Moment(new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Utc)), month),
            _ => throw new InvalidOperationException($"<local-time> shows a DateTimeOffset, DateTime or DateOnly, not {At?.GetType().Name ?? "null"}."),
        };
        output.Attributes.SetAttribute("datetime", datetime);
        output.Attributes.SetAttribute("data-local", show);
        if (ShortMonth)
        {
            output.Attributes.SetAttribute("data-month", "short");
        }
        output.Content.SetContent(text);
    }

    /// <summary>
    /// A moment's day as this tag writes it before the script runs, for text that can't hold a
    /// &lt;time&gt; (a select's option): the UTC datetime for local-time.js, and "6 March 2027 (UTC)".
    /// </summary>
    public static (string Datetime, string Text) DayOf(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return (Datetime(utc), utc.ToString("d MMMM yyyy '(UTC)'", CultureInfo.InvariantCulture));
    }

    private static string Datetime(DateTimeOffset utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private (string Datetime, string Text, string Show) Moment(DateTimeOffset utc, string month)
    {
        var datetime = Datetime(utc);
        var text = Show switch
        {
            LocalTimeShow.Seconds => utc.ToString($"d {month} yyyy, HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            LocalTimeShow.Minutes => utc.ToString($"d {month} yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture),
            _ => utc.ToString($"d {month} yyyy '(UTC)'", CultureInfo.InvariantCulture),
        };
        return (datetime, text, Show.ToString().ToLowerInvariant());
    }
}
