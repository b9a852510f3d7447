using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace KneeReset.Web.FollowUp;

/// <summary>
/// A small line chart of worst pain and each cause's score over re-assessments, with logged
/// sessions' pain as dots, drawn on the server as SVG: readable without JavaScript, printable.
/// </summary>
public static class HistoryChart
{
    private const int Width = 600, Height = 220, Left = 40, Right = 10, Top = 10, Bottom = 30;
    private static readonly string[] Colours = ["#a4161a", "#0b6e4f", "#1f5fa8", "#8a5a00", "#6a3d9a"];

    public static IHtmlContent Render(IReadOnlyList<HistoryPoint> points, IReadOnlyList<SessionPoint> sessions, Func<string, string> causeName)
    {
        if (points.Count == 0)
        {
            return HtmlString.Empty;
        }
        var times = points.Select(p => p.At).Concat(sessions.Select(s => s.At)).ToList();
        var first = times.Min();
        var span = Math.Max(1, (times.Max() - first).TotalSeconds);
        var maxScore = Math.Max(10, points.SelectMany(p => p.CauseScores.Values).DefaultIfEmpty(0).Max());
        double X(DateTimeOffset at) => Left + ((Width - Left - Right) * ((at - first).TotalSeconds / span));
        double Y(double value, double max) => Top + ((Height - Top - Bottom) * (1 - (value / max)));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var series = new List<(string Name, IReadOnlyList<(double X, double Y)> Points)>
        {
            ("Worst pain (0-10)", points.Select(p => (X(p.At), Y(p.WorstPain, 10))).ToList()),
        };
        foreach (var cause in points.SelectMany(p => p.CauseScores.Keys).Distinct())
        {
            series.Add(($"{causeName(cause)} score", points.Select(p => (X(p.At), Y(p.CauseScores.GetValueOrDefault(cause), maxScore))).ToList()));
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"history-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"chart-title\">How pain and the causes' scores have moved</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"chart-desc\">{points.Count} assessments and {sessions.Count} logged sessions. The table below gives the figures.</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" class=\"axis\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" class=\"axis\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Top + 10}\" class=\"tick\">10</text><text x=\"4\" y=\"{Height - Bottom}\" class=\"tick\">0</text>");
        for (var i = 0; i < series.Count; i++)
        {
            var (name, line) = series[i];
            var colour = Colours[i % Colours.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"{(i == 0 ? 3 : 2)}\" points=\"{string.Join(' ', line.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"><title>{WebUtility.HtmlEncode(name)}</title></polyline>");
            foreach (var (x, y) in line)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"3\" fill=\"{colour}\" />");
            }
        }
        foreach (var session in sessions)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(session.At) - 3)}\" y=\"{F(Y(session.PainDuring, 10) - 3)}\" width=\"6\" height=\"6\" class=\"session\"><title>{WebUtility.HtmlEncode(session.Routine)}: pain {session.PainDuring}/10</title></rect>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 10}\" class=\"tick\">{first:d MMM}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 10}\" text-anchor=\"end\" class=\"tick\">{times.Max():d MMM}</text>");
        svg.Append("</svg>");
        var legend = string.Concat(series.Select((line, i) =>
            $"<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"{Colours[i % Colours.Length]}\" /></svg> {WebUtility.HtmlEncode(line.Name)}</li>"));
        return new HtmlString(svg + $"<ul class=\"chart-legend\">{legend}<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" x=\"2\" y=\"2\" class=\"session\" /></svg> Logged session: pain during</li></ul>");
    }
}
