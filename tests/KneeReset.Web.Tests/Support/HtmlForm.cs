using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace KneeReset.Web.Tests;

/// <summary>
/// One form of a page, filled in and submitted as a browser without JavaScript would: the
/// value of every control (inputs, checked boxes, selects, textareas), with the test's changes
/// replacing every control of the same name, posted to the pressed button's formaction (or the
/// form's action), as multipart when the button or the form says so.
/// </summary>
public sealed class HtmlForm
{
    private readonly HttpClient _client;
    private readonly IHtmlFormElement _form;
    private readonly Dictionary<string, string[]> _changes = new(StringComparer.Ordinal);
    private readonly List<(string Name, string FileName, byte[] Content, string ContentType)> _files = [];

    private HtmlForm(HttpClient client, string url, IHtmlDocument page, IHtmlFormElement form)
    {
        _client = client;
        _form = form;
        Url = url;
        Page = page;
    }

    /// <summary>The address the page came from; relative actions resolve against it.</summary>
    public string Url { get; }

    public IHtmlDocument Page { get; }

    /// <summary>GETs <paramref name="url"/> (asserting 200) and reads the form matching <paramref name="selector"/>.</summary>
    public static async Task<HtmlForm> OpenAsync(HttpClient client, string url, string selector = "form[method=post]")
    {
        var page = await client.GetPageAsync(url);
        return Of(client, url, page, selector);
    }

    /// <summary>The form on a page the app answered a submission with (asserting 200, as when a form is shown again).</summary>
    public static async Task<HtmlForm> ReadAsync(HttpClient client, HttpResponseMessage response, string selector = "form[method=post]")
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the page again (200), got {(int)response.StatusCode} {response.Headers.Location}");
        var page = await Browser.ParseAsync(response);
        return Of(client, response.RequestMessage!.RequestUri!.PathAndQuery, page, selector);
    }

    public static HtmlForm Of(HttpClient client, string url, IHtmlDocument page, string selector = "form[method=post]") =>
        new(client, url, page, page.QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"{url} has no form matching {selector}."));

    /// <summary>Replaces every control named <paramref name="name"/> with these values (none: the name is not sent).</summary>
    public HtmlForm Set(string name, params string[] values)
    {
        _changes[name] = values;
        return this;
    }

    public HtmlForm Attach(string name, string fileName, byte[] content, string contentType)
    {
        _files.Add((name, fileName, content, contentType));
        return this;
    }

    /// <summary>What the form would send for <paramref name="name"/> now (changes included).</summary>
    public IReadOnlyList<string> Values(string name) =>
        Fields().Where(f => f.Key == name).Select(f => f.Value).ToList();

    public string? Value(string name) => Values(name) is [var first, ..] ? first : null;

    /// <summary>Submits to the form's own action, as pressing Enter in a text box does.</summary>
    public Task<HttpResponseMessage> SubmitAsync() => PostAsync(_form.GetAttribute("action"));

    /// <summary>Presses the button labelled <paramref name="text"/> (the <paramref name="occurrence"/>th of that label, from 0); fails if it is disabled.</summary>
    public Task<HttpResponseMessage> PressAsync(string text, int occurrence = 0)
    {
        var buttons = Buttons().Where(b => Label(b) == text).ToList();
        Assert.True(buttons.Count > occurrence, $"No button \"{text}\" number {occurrence + 1} on {Url}; buttons: {string.Join(", ", Buttons().Select(Label))}");
        return PressAsync(buttons[occurrence]);
    }

    /// <summary>Presses a button of this form found on <see cref="Page"/> (for when a label alone is ambiguous).</summary>
    public Task<HttpResponseMessage> PressAsync(IElement button)
    {
        Assert.Contains(button, Buttons());
        Assert.False(button.HasAttribute("disabled"), $"The button \"{Label(button)}\" is disabled.");
        Assert.True(button.GetAttribute("formmethod") is null or "post", "Only buttons that post are supported.");
        return PostAsync(button.GetAttribute("formaction") ?? _form.GetAttribute("action"), button.GetAttribute("formenctype"));
    }

    public bool IsDisabled(string text, int occurrence = 0) =>
        Buttons().Where(b => Label(b) == text).ElementAt(occurrence).HasAttribute("disabled");

    private IEnumerable<IElement> Buttons()
    {
        var own = _form.QuerySelectorAll("button, input[type=submit]").Where(b => b.GetAttribute("type") is null or "submit");
        IEnumerable<IElement> outside = string.IsNullOrEmpty(_form.Id) ? [] : Page.QuerySelectorAll($"button[form='{_form.Id}']");
        return own.Concat(outside);
    }

    private static string Label(IElement button) =>
        (button is IHtmlInputElement input ? input.Value : button.TextContent).Trim();

    private async Task<HttpResponseMessage> PostAsync(string? action, string? enctype = null)
    {
        var target = new Uri(new Uri(new Uri("http://localhost"), Url), string.IsNullOrEmpty(action) ? Url : action).PathAndQuery;
        var fields = Fields().ToList();
        if ((enctype ?? _form.Enctype) == "multipart/form-data")
        {
            using var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var (name, fileName, content, contentType) in _files)
            {
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                multipart.Add(file, name, fileName);
            }
            return await _client.PostAsync(new Uri(target, UriKind.Relative), multipart);
        }
        Assert.Empty(_files);
        using var encoded = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(target, UriKind.Relative), encoded);
    }

    /// <summary>The form's successful controls in document order, with the changes applied.</summary>
    private IEnumerable<KeyValuePair<string, string>> Fields()
    {
        foreach (var element in _form.Elements)
        {
            if (element.GetAttribute("name") is not { Length: > 0 } name || _changes.ContainsKey(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        yield return new(name, input.Value);
                    }
                    break;
                case IHtmlInputElement input:
                    yield return new(name, input.Value);
                    break;
                case IHtmlTextAreaElement textArea:
                    yield return new(name, textArea.Value);
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.HasAttribute("selected")).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]);
                    }
                    foreach (var option in chosen)
                    {
                        yield return new(name, option.Value);
                    }
                    break;
            }
        }
        foreach (var (name, values) in _changes)
        {
            foreach (var value in values)
            {
                yield return new(name, value);
            }
        }
    }
}
