using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace KneeReset.Web.Pages.Results;

/// <summary>
/// A small line chart of pain over time, drawn on the server as SVG (readable without
/// JavaScript, printable): worst pain at each check as a line, pain during each logged session
/// as squares. Only pain is plotted, so the one axis means one thing: pain from 0 (none) to 10
/// (worst). The causes' scores have no such scale; the table beside it names their bands.
/// </summary>
public static class HistoryChart
{
    /// <summary>
    /// Drawn about as wide as a phone shows it (site.css caps its width), so the 13 px labels stay
    /// about 12 px or more on a 320 px screen instead of shrinking to half.
    /// </summary>
    public const int Width = 300, Height = 200, Left = 44, Right = 10, Top = 10, Bottom = 30;
    public const string AxisLabel = "Pain (0 none, 10 worst)";
    private const string PainColour = "#a4161a";

    // The first and last dates, in the viewer's zone once wwwroot/js/local-time.js has run (as the tables' dates are).
    private static string DateLabel(DateTimeOffset at, int x, string anchor)
    {
        var utc = at.ToUniversalTime();
        return string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x}\" y=\"{Height - 10}\" text-anchor=\"{anchor}\" class=\"tick\" data-local=\"date\" data-month=\"short\" datetime=\"{utc:yyyy-MM-dd'T'HH:mm:ss'Z'}\">{utc:d MMM yyyy}</text>");
    }

    public static IHtmlContent Render(IReadOnlyList<HistoryPoint> points, IReadOnlyList<SessionPoint> sessions)
    {
        if (points.Count == 0)
        {
            return HtmlString.Empty;
        }
        var times = points.Select(p => p.At).Concat(sessions.Select(s => s.At)).ToList();
        var first = times.Min();
        var span = Math.Max(1, (times.Max() - first).TotalSeconds);
        double X(DateTimeOffset at) => Left + ((Width - Left - Right) * ((at - first).TotalSeconds / span));
        // Pain is 0-10 by the questionnaire's own scale; clamp so a bad stored value cannot leave the axis.
        double Y(double pain) => Top + ((Height - Top - Bottom) * (1 - (Math.Clamp(pain, 0, 10) / 10)));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        // A check on the urgent route skipped the pain question: it has no point on the pain line.
        var line = points.Where(p => p.WorstPain is not null).Select(p => (X: X(p.At), Y: Y(p.WorstPain!.Value), Pain: p.WorstPain!.Value)).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"history-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"chart-title\">How your pain has moved</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"chart-desc\">{AxisLabel}: worst pain at {line.Count} checks and pain during {sessions.Count} logged sessions. The tables below give the figures.</desc>");
        ZeroToTenGrid(svg, Y);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{(Top + Height - Bottom) / 2}\" transform=\"rotate(-90 12 {(Top + Height - Bottom) / 2})\" text-anchor=\"middle\" class=\"tick axis-label\">{AxisLabel}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{PainColour}\" stroke-width=\"3\" points=\"{string.Join(' ', line.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"><title>Worst pain at each check</title></polyline>");
        foreach (var (x, y, pain) in line)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"{PainColour}\"><title>Check: worst pain {F(pain)}/10</title></circle>");
        }
        foreach (var session in sessions)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(session.At) - 4)}\" y=\"{F(Y(session.PainDuring) - 4)}\" width=\"8\" height=\"8\" class=\"session\"><title>{WebUtility.HtmlEncode(session.Routine)}: pain during {session.PainDuring}/10</title></rect>");
        }
        svg.Append(DateLabel(first, Left, "start"));
        // Everything on one day: that date once, not the same date at both ends.
        if (times.Max().UtcDateTime.Date != first.UtcDateTime.Date)
        {
            svg.Append(DateLabel(times.Max(), Width - Right, "end"));
        }
        svg.Append("</svg>");
        const string Key = "<svg width=\"14\" height=\"14\" aria-hidden=\"true\">";
        return new HtmlString(svg + "<ul class=\"chart-legend\">" +
            $"<li>{Key}<circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"{PainColour}\" /></svg> Worst pain at a check</li>" +
            $"<li>{Key}<rect width=\"10\" height=\"10\" x=\"2\" y=\"2\" class=\"session\" /></svg> Pain during a logged session</li></ul>");
    }

    /// <summary>The 0-10 scale both charts share: a grid line and a label every 2 points, and the y axis.</summary>
    internal static void ZeroToTenGrid(StringBuilder svg, Func<double, double> y)
    {
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        for (var score = 0; score <= 10; score += 2)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(y(score))}\" x2=\"{Width - Right}\" y2=\"{F(y(score))}\" class=\"{(score == 0 ? "axis" : "grid")}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y(score) + 4)}\" text-anchor=\"end\" class=\"tick\">{score}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" class=\"axis\" />");
    }
}
