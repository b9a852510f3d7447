using MimeKit;

namespace KneeReset.Web.Email;

/// <summary>Hands a finished message on: to an SMTP server (<see cref="SmtpDelivery"/>) or to the pickup folder (<see cref="PickupFolderDelivery"/>).</summary>
public interface IMailDelivery
{
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken);
}
