using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// Rotating the certificate that encrypts the Data Protection keys (issue 28): an instance given
/// only the new certificate can't read the keys the old one wrote, and says so through readiness
/// instead of quietly signing everyone out; given the old one among
/// DataProtection:PreviousCertificates, it reads them (what they protected stays readable) while
/// writing new keys with the new certificate.
/// </summary>
public sealed class KeyRotationTests : IDisposable
{
    private const string Password = "rotation pass";
    private readonly string _folder = Directory.CreateTempSubdirectory("kneereset-keys-").FullName;
    private readonly TestDatabase _database = TestDatabase.CreateFresh();

    [Fact]
    public async Task A_new_certificate_reads_the_old_keys_only_with_the_old_certificate_listed_and_readiness_says_which()
    {
        var first = Certificate("first");
        var second = Certificate("second");
        string protectedBefore;
        using (var before = new CertificateApp(_database, [new("DataProtection:CertificatePath", first), new("DataProtection:CertificatePassword", Password)]))
        {
            protectedBefore = Protector(before).Protect("made under the first certificate");
            using var client = before.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        }

        using (var swapped = new CertificateApp(_database, [new("DataProtection:CertificatePath", second), new("DataProtection:CertificatePassword", Password)]))
        {
            using var client = swapped.CreateClient();
            using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.ThrowsAny<CryptographicException>(() => Protector(swapped).Unprotect(protectedBefore));
        }

        using var rotated = new CertificateApp(_database,
        [
            new("DataProtection:CertificatePath", second), new("DataProtection:CertificatePassword", Password),
            new("DataProtection:PreviousCertificates:0:Path", first), new("DataProtection:PreviousCertificates:0:Password", Password),
        ]);
        using var rotatedClient = rotated.CreateClient();
        using var readyAgain = await rotatedClient.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        Assert.Equal("made under the first certificate", Protector(rotated).Unprotect(protectedBefore));
    }

    [Fact]
    public void Previous_certificates_without_a_current_one_stop_the_start_with_the_setting_named()
    {
        using var app = new CertificateApp(_database, [new("DataProtection:PreviousCertificates:0:Path", Certificate("orphan")), new("DataProtection:PreviousCertificates:0:Password", Password)]);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("DataProtection:PreviousCertificates needs DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private static IDataProtector Protector(CertificateApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key rotation test");

    private string Certificate(string name)
    {
        var pfx = Path.Combine(_folder, $"{name}.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=KneeReset keys {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, Password));
        return pfx;
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One instance after another on the same store, each with its certificates.</summary>
    private sealed class CertificateApp(TestDatabase database, IEnumerable<KeyValuePair<string, string>> settings) : KneeResetFactory(settings, database);
}
