namespace KneeReset.Web.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same machine or network.</summary>
    None,
    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587); refuses a server that can't.</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// Where the app's email goes (section "Email"): an SMTP server when <see cref="SmtpHost"/> is set,
/// otherwise .eml files in <see cref="PickupDirectory"/> (in Development "data/mail" under the
/// content root when unset). Outside Development one of the two must be set: mail is never dropped.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The folder Development writes mail to when neither SMTP nor a pickup folder is configured.</summary>
    public const string DevelopmentPickupDirectory = "data/mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender's address; required with an SMTP server.</summary>
    public string? FromAddress { get; set; }
    public string FromName { get; set; } = "KneeReset";

    /// <summary>With no SMTP server, each message is written here as an .eml file (relative to the content root unless absolute).</summary>
    public string? PickupDirectory { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>The pickup folder in use: the configured one, else Development's default; null with SMTP or when none applies.</summary>
    public string? PickupFolder(IHostEnvironment environment) =>
        UsesSmtp ? null
        : !string.IsNullOrWhiteSpace(PickupDirectory) ? Path.GetFullPath(PickupDirectory, environment.ContentRootPath)
        : environment.IsDevelopment() ? Path.GetFullPath(DevelopmentPickupDirectory, environment.ContentRootPath)
        : null;
}
