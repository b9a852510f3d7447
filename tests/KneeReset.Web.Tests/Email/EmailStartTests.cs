using Microsoft.AspNetCore.Hosting;

namespace KneeReset.Web.Tests.Email;

/// <summary>Email settings are checked on start: a setting that can't work stops the app with a message naming it.</summary>
public sealed class EmailStartTests
{
    [Fact]
    public void An_smtp_host_without_a_from_address_does_not_start()
    {
        using var app = new SmtpWithoutSenderApp();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Email:FromAddress must be set", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_with_neither_smtp_nor_a_pickup_folder_does_not_start()
    {
        using var app = new ProductionWithoutMailApp();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("set Email:SmtpHost (an SMTP server) or Email:PickupDirectory", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_username_without_a_password_does_not_start()
    {
        using var app = new UsernameWithoutPasswordApp();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Email:Password must be set when Email:Username is", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class SmtpWithoutSenderApp() : KneeResetFactory([new("Email:SmtpHost", "127.0.0.1")]);

    private sealed class UsernameWithoutPasswordApp() : KneeResetFactory([new("Email:SmtpHost", "127.0.0.1"), new("Email:FromAddress", "knee@studio.test"), new("Email:Username", "knee")]);

    private sealed class ProductionWithoutMailApp() : KneeResetFactory([new(WebHostDefaults.EnvironmentKey, "Production"), new("AllowedHosts", "*"), new("App:PublicBaseUrl", "https://knee.example"), new("Email:PickupDirectory", "")]);
}
