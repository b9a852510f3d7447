using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// Text written by staff (instructions, cues, summaries) is Markdown, rendered with Markdig and
/// then sanitised, so no script, event handler or style can reach a runner's page.
/// </summary>
public sealed class StaffText
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UseAutoLinks().Build();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "strong", "em", "b", "i", "a", "ul", "ol", "li", "br", "code", "del" })
        {
            sanitizer.AllowedTags.Add(tag);
        }
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    /// <summary>A paragraph or more of Markdown as safe HTML.</summary>
    public IHtmlContent Block(string? markdown) =>
        new HtmlString(markdown is null ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline)));

    /// <summary>One line of Markdown (a list item, a cue) as safe inline HTML.</summary>
    public IHtmlContent Inline(string? markdown)
    {
        var html = markdown is null ? "" : Markdown.ToHtml(markdown, _pipeline).Trim();
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
        {
            html = html[3..^4];
        }
        return new HtmlString(_sanitizer.Sanitize(html));
    }
}
