using KneeReset.Web.Health;

namespace KneeReset.Web.Tests.Health;

/// <summary>The container HEALTHCHECK's `probe` command: 0 when the instance is ready, 1 when it answers no or not at all.</summary>
public class ProbeCommandTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task The_probe_exits_0_for_a_ready_instance_and_1_when_nothing_answers()
    {
        using var output = new StringWriter();
        Assert.Equal(0, await ProbeCommand.RunAsync(new Uri(app.BaseAddress, "/healthz/ready"), output));
        Assert.StartsWith("200 ", output.ToString(), StringComparison.Ordinal);

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var none = new StringWriter();
        Assert.Equal(1, await ProbeCommand.RunAsync(new Uri($"http://127.0.0.1:{closed}/healthz/ready"), none));
        Assert.Contains("no answer", none.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_probe_argument_is_the_probe_command() =>
        Assert.Equal([true, false, false], new[] { new[] { "probe" }, ["staff", "probe"], [] }.Select(ProbeCommand.IsProbeCommand));
}
