using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace KneeReset.Web.Infrastructure;

public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX certificate (with its private key) that encrypts the keys at rest.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Certificates the keys were encrypted with before the current one: read with, never written
    /// with, so a new certificate can be rolled out while the keys (and every cookie and link made
    /// with them) stay readable. DataProtection:PreviousCertificates:0:Path and :0:Password.
    /// </summary>
    public PreviousCertificate[] PreviousCertificates { get; set; } = [];

    /// <summary>Production refuses to start with keys in the clear unless this says the database is protected some other way.</summary>
    public bool AllowUnprotectedKeys { get; set; }
}

public sealed class PreviousCertificate
{
    public string Path { get; set; } = "";
    public string? Password { get; set; }
}

/// <summary>
/// Keys for cookies, antiforgery and set-password links survive restarts and are shared by every
/// instance and the `staff add` command: kept in the database, encrypted with a certificate when
/// one is configured. Production without one must say the database is protected otherwise. A key
/// written under an older certificate is read with that certificate when it is listed among the
/// previous ones (docs/deploy.md, "Rotating the key certificate"); readiness fails while any
/// key in use can't be read (Health/KeyRingCheck).
/// </summary>
public static class KeyProtection
{
    public static WebApplicationBuilder AddKeyProtection(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(KeyProtectionOptions.Section);
        var settings = section.Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        builder.Services.AddOptions<KeyProtectionOptions>().Bind(section)
            .Validate(o => !builder.Environment.IsProduction() || o.CertificatePath is { Length: > 0 } || o.AllowUnprotectedKeys,
                "DataProtection:CertificatePath must name a PFX certificate in Production, so the keys are encrypted at rest " +
                "(or set DataProtection:AllowUnprotectedKeys=true when the database is protected another way).")
            .Validate(o => o.PreviousCertificates.Length == 0 || o.CertificatePath is { Length: > 0 },
                "DataProtection:PreviousCertificates needs DataProtection:CertificatePath: the previous certificates only read keys, the current one writes them.")
            .ValidateOnStart();
        var keys = builder.Services.AddDataProtection()
            .SetApplicationName("KneeReset")
            .PersistKeysToDbContext<KneeResetDbContext>();
        if (settings.CertificatePath is { Length: > 0 } path)
        {
            var current = LoadCertificate(Path.GetFullPath(path, builder.Environment.ContentRootPath), settings.CertificatePassword, "DataProtection:CertificatePath");
            var previous = settings.PreviousCertificates.Select((p, i) =>
                LoadCertificate(Path.GetFullPath(p.Path, builder.Environment.ContentRootPath), p.Password, $"DataProtection:PreviousCertificates:{i}:Path"));
            keys.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        return builder;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting} names {path}, which does not exist.");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate at {path} ({setting}) has no private key, so it cannot decrypt the keys it protects.");
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The certificate at {path} ({setting}) can't be read (a PFX file and its password are needed): {e.Message}", e);
        }
    }
}
