using System.Globalization;
using System.Text;
using KneeReset.Core.Outcomes;
using Microsoft.AspNetCore.Html;

namespace KneeReset.Web.Pages.Results;

/// <summary>
/// The weekly check-ins over weeks, drawn on the server as SVG like <see cref="HistoryChart"/>:
/// worst pain per week (circles) and the PSFS score per week (squares). Both are 0-10 scales, so
/// they share the axis, but they point opposite ways (pain: 10 worst; PSFS: 10 as before the
/// injury), as the legend says. The table beside it gives the same figures.
/// </summary>
public static class WeeklyChart
{
    private const int Width = HistoryChart.Width, Height = HistoryChart.Height, Left = HistoryChart.Left, Right = HistoryChart.Right, Top = HistoryChart.Top, Bottom = HistoryChart.Bottom;
    private const string PainColour = "#a4161a", PsfsColour = "#1d4e89";

    public static IHtmlContent Render(IReadOnlyList<WeeklyCheckIn> checkIns)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        if (checkIns.Count == 0)
        {
            return HtmlString.Empty;
        }
        var weeks = checkIns.OrderBy(c => c.Week).ToList();
        var first = weeks[0].Week.Monday;
        var span = Math.Max(7, weeks[^1].Week.Monday.DayNumber - first.DayNumber);
        // One week alone sits in the middle rather than on the axis.
        double X(IsoWeek w) => weeks.Count == 1 ? (Left + Width - Right) / 2.0 : Left + ((Width - Left - Right) * ((w.Monday.DayNumber - first.DayNumber) / (double)span));
        double Y(double score) => Top + ((Height - Top - Bottom) * (1 - (Math.Clamp(score, 0, 10) / 10)));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var pain = weeks.Select(c => (c.Week, X: X(c.Week), Y: Y(c.WorstPain), Score: (double)c.WorstPain)).ToList();
        var psfs = weeks.Where(c => c.Psfs is not null).Select(c => (c.Week, X: X(c.Week), Y: Y(c.Psfs!.Value), Score: c.Psfs!.Value)).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"history-chart weekly-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"weekly-chart-title weekly-chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"weekly-chart-title\">Weekly check-ins: worst pain and function</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"weekly-chart-desc\">Scores from 0 to 10 over {weeks.Count} weeks: worst knee pain each week (10 worst) and the PSFS score (10 as before the injury) in {psfs.Count} of them. The table below gives the figures.</desc>");
        HistoryChart.ZeroToTenGrid(svg, Y);
        Line(svg, pain, PainColour, "Worst pain", F);
        Line(svg, psfs, PsfsColour, "PSFS", F);
        foreach (var (week, x, y, score) in pain)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"5\" fill=\"{PainColour}\"><title>{week}: worst pain {F(score)}/10</title></circle>");
        }
        foreach (var (week, x, y, score) in psfs)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x - 5)}\" y=\"{F(y - 5)}\" width=\"10\" height=\"10\" fill=\"{PsfsColour}\"><title>{week}: PSFS {F(score)}/10</title></rect>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 10}\" text-anchor=\"start\" class=\"tick\">{weeks[0].Week}</text>");
        if (weeks.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 10}\" text-anchor=\"end\" class=\"tick\">{weeks[^1].Week}</text>");
        }
        svg.Append("</svg>");
        const string Key = "<svg width=\"14\" height=\"14\" aria-hidden=\"true\">";
        return new HtmlString(svg + "<ul class=\"chart-legend\">" +
            $"<li>{Key}<circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"{PainColour}\" /></svg> Worst pain that week (lower is better)</li>" +
            $"<li>{Key}<rect width=\"10\" height=\"10\" x=\"2\" y=\"2\" fill=\"{PsfsColour}\" /></svg> PSFS, the activities you rated (higher is better)</li></ul>");
    }

    private static void Line(StringBuilder svg, List<(IsoWeek Week, double X, double Y, double Score)> points, string colour, string what, Func<double, string> f)
    {
        if (points.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\" points=\"{string.Join(' ', points.Select(p => $"{f(p.X)},{f(p.Y)}"))}\"><title>{what} each week</title></polyline>");
        }
    }
}
