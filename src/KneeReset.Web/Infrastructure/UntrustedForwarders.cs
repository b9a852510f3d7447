using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// In Production, a request carrying X-Forwarded-For or X-Forwarded-Proto from an address that is
/// not a known proxy means the proxy settings are probably wrong (every runner then shares the
/// proxy's rate-limit budget, and links say http): warn, once per address per process, so the log
/// says so without a line per request. Only the address and header names are logged, never a path.
/// </summary>
public sealed partial class UntrustedForwarders(IOptions<ForwardedHeadersOptions> forwarded, ILogger<UntrustedForwarders> logger)
{
    /// <summary>Enough to name every misconfigured proxy; past it, new addresses are no longer remembered or logged.</summary>
    private const int RememberAtMost = 1_000;

    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public void Check(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (!headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("X-Forwarded-Proto"))
        {
            return;
        }
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || IsKnownProxy(remote) || _warned.Count >= RememberAtMost || !_warned.TryAdd(remote.ToString(), true))
        {
            return;
        }
        Warn(logger, remote.ToString());
    }

    private bool IsKnownProxy(System.Net.IPAddress remote)
    {
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        var options = forwarded.Value;
        return options.KnownProxies.Any(p => p.Equals(address) || p.Equals(remote))
            || options.KnownIPNetworks.Any(n => n.Contains(address));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A request from {RemoteAddress} carried X-Forwarded-For/X-Forwarded-Proto, but that address is not in Proxy:KnownProxies or Proxy:KnownNetworks, so the headers were ignored (logged once per address)")]
    private static partial void Warn(ILogger logger, string remoteAddress);
}
