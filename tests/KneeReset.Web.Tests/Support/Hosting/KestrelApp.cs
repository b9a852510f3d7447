using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KneeReset.Web.Tests;

/// <summary>
/// The app on a real loopback port (Kestrel), for what only a real server shows: its own
/// headers, HTTP framing, forwarded client addresses, dropped connections, and a real browser.
/// Otherwise as <see cref="AppUnderTest"/>; one per test class, started on first use. Raw requests
/// go over a plain socket, so malformed ones arrive as sent. The browser tests link this file.
/// </summary>
public class KestrelApp : AppUnderTest
{
    /// <summary>A free loopback port chosen up front, so the app's public address can name it.</summary>
    private readonly int _port = FreePort();

    public KestrelApp() : this([])
    {
    }

    protected KestrelApp(IEnumerable<KeyValuePair<string, string>> settings, TestDatabase? sharedDatabase = null)
        : base(settings, sharedDatabase) => UseKestrel(_port);

    protected override string PublicBaseUrl => $"http://127.0.0.1:{_port}";

    /// <summary>The app's address; the server starts on first use (StartServer does nothing once it has).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return new Uri(PublicBaseUrl);
        }
    }

    /// <summary>A client over the network, not following redirects and keeping no cookies.</summary>
    public HttpClient NetworkClient() =>
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
