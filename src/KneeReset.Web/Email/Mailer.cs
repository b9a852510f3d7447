using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KneeReset.Web.Email;

/// <summary>
/// The app's emails: words from content/email.json, a plain-text part and the same paragraphs as
/// simple HTML, handed to the configured delivery. Each message sent is logged in one line that
/// names its kind and a masked recipient (a runner's address not at all); never its link.
/// </summary>
public sealed class Mailer(IMailDelivery delivery, EmailWording wording, IOptions<EmailOptions> options, ILogger<Mailer> logger)
{
    public Task<bool> SendInviteAsync(string to, string? name, string link, int hours, CancellationToken cancellationToken) =>
        SendAsync("invite", to, MaskAddress(to), wording.Invite, Values(name, hours: hours), link, cancellationToken);

    public Task<bool> SendPasswordResetAsync(string to, string? name, string link, int minutes, CancellationToken cancellationToken) =>
        SendAsync("password-reset", to, MaskAddress(to), wording.PasswordReset, Values(name, minutes: minutes), link, cancellationToken);

    /// <summary>A runner's private link: their address is used for this message and kept nowhere, the log included.</summary>
    public Task<bool> SendPrivateLinkAsync(string to, string link, CancellationToken cancellationToken) =>
        SendAsync("private-link", to, "a runner (address not kept)", wording.PrivateLink, Values(null), link, cancellationToken);

    /// <summary>To a clinician who opted in: a runner they follow should see a clinician. The link is the runner's share link.</summary>
    public Task<bool> SendRunnerEscalationAsync(string to, string? name, string runner, string reason, string when, string link, CancellationToken cancellationToken)
    {
        var values = Values(name);
        values["{runner}"] = runner;
        values["{reason}"] = reason;
        values["{when}"] = when;
        return SendAsync("runner-escalation", to, MaskAddress(to), wording.RunnerEscalation, values, link, cancellationToken);
    }

    /// <summary>"jane@studio.test" as "j***@studio.test": enough for an admin to tell accounts apart, not the address.</summary>
    public static string MaskAddress(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }

    /// <summary>True once the message is handed over; false (logged, without the address or link) when delivery failed.</summary>
    private async Task<bool> SendAsync(string kind, string to, string loggedRecipient, EmailText text, Dictionary<string, string> values, string link, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(to, out var recipient))
        {
            logger.LogWarning("Email {Kind} not sent to {Recipient}: not an address mail can go to", kind, loggedRecipient);
            return false;
        }
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress ?? "kneereset@localhost"));
        message.To.Add(recipient);
        message.Subject = text.Subject;
        var body = Fill(text.Body, values);
        message.Body = new BodyBuilder { TextBody = body.Replace("{link}", link, StringComparison.Ordinal), HtmlBody = Html(body, link) }.ToMessageBody();
        try
        {
            await delivery.DeliverAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's own message may quote the server's answer, which can name the address: only its type.
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("Email {Kind} to {Recipient} failed: {Failure}", kind, loggedRecipient, e.GetType().Name);
            }
            return false;
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Email {Kind} sent to {Recipient}", kind, loggedRecipient);
        }
        return true;
    }

    private static Dictionary<string, string> Values(string? name, int hours = 0, int minutes = 0) => new()
    {
        ["{name}"] = string.IsNullOrWhiteSpace(name) ? "" : " " + name.Trim(),
        ["{hours}"] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["{minutes}"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Fill(string body, Dictionary<string, string> values) =>
        values.Aggregate(body.ReplaceLineEndings("\n"), (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));

    /// <summary>Each paragraph of the text as an HTML paragraph, the link as a link.</summary>
    private static string Html(string body, string link)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        var anchor = $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>";
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = paragraph.Split("{link}").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal));
            html.Append("<p>").Append(string.Join(anchor, parts)).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }
}
