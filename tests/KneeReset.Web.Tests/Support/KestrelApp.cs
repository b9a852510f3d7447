using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests;

/// <summary>
/// The app on a real loopback port (Kestrel), for what only a real server shows: its own
/// headers, HTTP framing, forwarded client addresses, dropped connections. Raw requests go over
/// a plain socket, so malformed ones arrive as sent.
/// </summary>
public sealed class KestrelApp : IDisposable
{
    private readonly KneeResetFactory _factory = new();
    private readonly WebApplicationFactory<Program> _app;

    public KestrelApp() : this([])
    {
    }

    public KestrelApp(IEnumerable<KeyValuePair<string, string>> settings, Action<IServiceCollection>? services = null)
    {
        var all = settings.ToList();
        _app = _factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        });
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A client over the network, not following redirects.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>Sends <paramref name="head"/> (request line and headers, CRLF-separated, without the blank line) and <paramref name="body"/>; returns the whole response as text.</summary>
    public async Task<string> SendRawAsync(string head, string body)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{head}\r\nHost: {BaseAddress.Authority}\r\nConnection: close\r\n\r\n{body}"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token);
    }

    /// <summary>Sends the head and the start of a body, then drops the connection, as a client that goes away does.</summary>
    public async Task SendAndDropAsync(string head, string partialBody)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port, timeout.Token);
        await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"{head}\r\nHost: {BaseAddress.Authority}\r\n\r\n{partialBody}"), timeout.Token);
        tcp.Client.LingerState = new LingerOption(true, 0); // a reset, as when a phone loses its signal
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }
}
