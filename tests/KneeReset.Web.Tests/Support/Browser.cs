using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KneeReset.Web.Tests;

/// <summary>
/// A browser without JavaScript: GET a page, read its form (antiforgery token included),
/// fill fields and POST it back with the same cookies. Use a client from
/// <see cref="KneeResetFactory.CreateBrowser"/> so redirects can be asserted.
/// </summary>
public static class Browser
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>GETs a page, asserting 200, and parses it.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>GETs the page at <paramref name="url"/> and submits its form; see the other overload.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string? nav, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page, url, nav, fields);
    }

    /// <summary>
    /// Submits the page's post form as a browser would: what the form already holds (hidden
    /// inputs such as the antiforgery token, text values, checked boxes), with
    /// <paramref name="fields"/> replacing every control of the same name (repeat a name for
    /// several boxes), plus the pressed button <c>nav</c> when given.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string url, string? nav, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelector("form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"{url} has no post form.");
        var replaced = fields.Select(f => f.Name).ToHashSet();
        var values = CurrentValues(form).Where(v => !replaced.Contains(v.Key)).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        if (nav is not null)
        {
            values.Add(new("nav", nav));
        }
        var action = form.GetAttribute("action");
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? url : action, UriKind.Relative), content);
    }

    /// <summary>The form's successful controls before any change, buttons left out.</summary>
    private static IEnumerable<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button" or "image" or "reset" or "file")
            {
                continue;
            }
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }
            yield return new(input.Name, input.Value);
        }
    }

    /// <summary>Asserts a 302 and returns where it points.</summary>
    public static string AssertRedirect(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        return response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("A redirect without Location.");
    }
}
