using MimeKit;

namespace KneeReset.Web.Tests;

/// <summary>The messages an app wrote to its pickup folder, oldest first.</summary>
public sealed record SentMail(string Folder)
{
    public IReadOnlyList<MimeMessage> All() =>
        !Directory.Exists(Folder) ? [] : [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file))];

    /// <summary>The messages sent to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The only message sent to <paramref name="address"/> (fails if there are none or several).</summary>
    public MimeMessage Single(string address) => Assert.Single(To(address));

    /// <summary>The first link to this site in a message's text, as path and query.</summary>
    public static string LinkIn(MimeMessage message, string baseUrl)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf(baseUrl, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No link to {baseUrl} in: {text}");
        var end = text.IndexOfAny([' ', '\n', '\r'], start);
        return new Uri(text[start..(end < 0 ? text.Length : end)]).PathAndQuery;
    }
}
