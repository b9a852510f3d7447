using MimeKit;

namespace KneeReset.Web.Email;

/// <summary>
/// With no SMTP server, each message becomes an .eml file in the pickup folder: readable in any
/// mail program, or handed to a relay that watches the folder. Never dropped.
/// </summary>
public sealed class PickupFolderDelivery(string folder, TimeProvider clock) : IMailDelivery
{
    public string Folder => folder;

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        // Time first, so a listing sorts oldest to newest; the Guid keeps names unique.
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        // Written under another name, then renamed: whatever watches the folder never reads half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name));
    }
}
