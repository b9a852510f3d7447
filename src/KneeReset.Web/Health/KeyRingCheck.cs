using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeReset.Web.Health;

/// <summary>
/// Every Data Protection key still in use can be read. A key encrypted with a certificate this
/// instance no longer has (a new certificate without the old one among DataProtection:PreviousCertificates)
/// can't be: the instance then signs everyone out and refuses their forms and links while looking
/// healthy. Readiness fails instead, so a rollout stops at the first instance.
/// </summary>
public sealed class KeyRingCheck(IKeyManager keys, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var inUse = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > now).ToList();
        var unreadable = inUse.Count(k => !Readable(k));
        return Task.FromResult(unreadable == 0
            ? HealthCheckResult.Healthy($"{inUse.Count} key(s) in use, all readable.")
            : HealthCheckResult.Unhealthy($"{unreadable} of {inUse.Count} Data Protection key(s) in use can't be decrypted: give the certificate they were written with in DataProtection:PreviousCertificates (docs/deploy.md)."));
    }

    /// <summary>Reading the descriptor decrypts the key's secret with the configured certificates.</summary>
    private static bool Readable(IKey key)
    {
        try
        {
            return key.Descriptor is not null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or InvalidOperationException or System.Xml.XmlException)
        {
            return false;
        }
    }
}
