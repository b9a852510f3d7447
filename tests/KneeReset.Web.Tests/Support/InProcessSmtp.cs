using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KneeReset.Web.Tests;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free loopback port: the
/// app's mail goes through a whole SMTP conversation (MailKit's client against it), and every
/// message it accepts is kept here.
/// </summary>
public sealed class InProcessSmtp : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public InProcessSmtp()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Collector(Received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Settings that send the app's mail here.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Email:SmtpHost", "127.0.0.1"),
        new("Email:SmtpPort", Port.ToString(CultureInfo.InvariantCulture)),
        new("Email:Security", "None"),
        new("Email:FromAddress", "knee@studio.test"),
    ];

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping is a cancellation.
        }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Collector(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
