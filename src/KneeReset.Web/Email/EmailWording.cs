using System.Text.Json;
using System.Text.Json.Serialization;

namespace KneeReset.Web.Email;

/// <summary>One email's words (content/email.json): a subject and a plain-text body with {placeholders}.</summary>
public sealed record EmailText(string Subject, string Body);

/// <summary>What the app's emails say, read once from content/email.json.</summary>
public sealed class EmailWording
{
    public required EmailText Invite { get; init; }
    public required EmailText PasswordReset { get; init; }
    public required EmailText PrivateLink { get; init; }
    public required EmailText RunnerEscalation { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectRequiredConstructorParameters = true,
    };

    public static EmailWording Read(string contentFolder)
    {
        var file = Path.Combine(contentFolder, "email.json");
        using var stream = File.OpenRead(file);
        var wording = JsonSerializer.Deserialize<EmailWording>(stream, Json) ?? throw new InvalidDataException($"{file} is empty.");
        foreach (var (name, text) in new[] { ("invite", wording.Invite), ("passwordReset", wording.PasswordReset), ("privateLink", wording.PrivateLink), ("runnerEscalation", wording.RunnerEscalation) })
        {
            if (string.IsNullOrWhiteSpace(text.Subject) || !text.Body.Contains("{link}", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{file}: \"{name}\" needs a subject and a body with {{link}} in it.");
            }
        }
        return wording;
    }
}
