using System.Net;
using Serilog.Events;

namespace KneeReset.Web.Tests.Health;

/// <summary>
/// Probes answer whatever the Host header while every other path keeps AllowedHosts, and readiness
/// is logged once per change of state, without a stack trace per probe (issue 28, findings 2 and 5).
/// </summary>
public sealed class ProbeTests(ProbeTests.PublicHostOnlyApp app) : IClassFixture<ProbeTests.PublicHostOnlyApp>
{
    private const string ReadinessChanged = "Readiness is now {ReadinessStatus}: {ReadinessProblems}";

    [Theory]
    [InlineData("/healthz/live", HttpStatusCode.OK)]
    [InlineData("/healthz/ready", HttpStatusCode.OK)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/routines", HttpStatusCode.BadRequest)]
    [InlineData("/healthzx", HttpStatusCode.BadRequest)]
    [InlineData("/", HttpStatusCode.BadRequest)]
    public async Task Only_the_probes_answer_a_host_not_in_AllowedHosts(string path, HttpStatusCode expected)
    {
        // The test client sends Host: localhost; only knee.example is allowed.
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_allowed_host_still_gets_every_page()
    {
        using var client = app.CreateBrowser();
        client.BaseAddress = new Uri("http://knee.example");

        using var response = await client.GetAsync(new Uri("/routines", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_is_logged_once_per_change_without_stack_traces()
    {
        using var client = app.CreateBrowser();
        await ProbeAsync(client);
        using (app.Faults.FailWrites())
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, await ProbeAsync(client));
            }
        }
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ProbeAsync(client));
        }

        var changes = app.Log.Events.Where(e => e.MessageTemplate.Text == ReadinessChanged).ToList();
        Assert.Equal(["Unhealthy", "Healthy"], changes.Select(e => ((ScalarValue)e.Properties["ReadinessStatus"]).Value!.ToString()));
        Assert.Equal(LogEventLevel.Error, changes[0].Level);
        Assert.Contains("database-write: Unhealthy", changes[0].RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Null(changes[0].Exception);
        Assert.DoesNotContain(app.Log.Events, e => e.Exception is not null);
    }

    private static async Task<HttpStatusCode> ProbeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        return response.StatusCode;
    }

    public sealed class PublicHostOnlyApp() : KneeResetFactory([
        new("AllowedHosts", "knee.example"), new("App:PublicBaseUrl", "https://knee.example"), new("Serilog:MinimumLevel:Default", "Information")]);
}
