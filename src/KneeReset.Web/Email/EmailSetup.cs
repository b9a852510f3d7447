using KneeReset.Web.Content;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KneeReset.Web.Email;

public static class EmailSetup
{
    /// <summary>Email: the options checked on start, SMTP or the pickup folder, the wording, and the background queue.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate<IHostEnvironment>((o, environment) => o.UsesSmtp || o.PickupFolder(environment) is not null,
                "Email: set Email:SmtpHost (an SMTP server) or Email:PickupDirectory (a folder for .eml files); outside Development one of them is required, so no email is silently dropped.")
            .Validate(o => !o.UsesSmtp || MailboxAddress.TryParse(o.FromAddress ?? "", out _),
                "Email:FromAddress must be set to the sender's address (e.g. knee@studio.example) when Email:SmtpHost is set.")
            .Validate(o => o.FromAddress is null or "" || MailboxAddress.TryParse(o.FromAddress, out _),
                "Email:FromAddress is not an email address.")
            .Validate(o => o.SmtpPort is > 0 and <= 65535, "Email:SmtpPort must be from 1 to 65535.")
            .Validate(o => string.IsNullOrEmpty(o.Username) || !string.IsNullOrEmpty(o.Password),
                "Email:Password must be set when Email:Username is.")
            .ValidateOnStart();
        services.AddSingleton<IMailDelivery>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>();
            return options.Value.PickupFolder(sp.GetRequiredService<IHostEnvironment>()) is { } folder
                ? new PickupFolderDelivery(folder, sp.GetRequiredService<TimeProvider>())
                : new SmtpDelivery(options);
        });
        services.AddSingleton(sp => EmailWording.Read(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path));
        services.AddSingleton<Mailer>();
        services.AddSingleton<MailInBackground>();
        services.AddHostedService(sp => sp.GetRequiredService<MailInBackground>());
        return services;
    }
}
