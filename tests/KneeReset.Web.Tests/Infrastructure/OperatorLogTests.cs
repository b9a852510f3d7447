using System.Text.Json;
using KneeReset.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Serilog.Events;
using Serilog.Parsing;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// What an operator needs on each line: the level always, the version and instance, and on request
/// lines the client's address and the trace; a failed start is one JSON line (issue 28, finding 5).
/// </summary>
public sealed class OperatorLogTests(OperatorLogTests.InformationApp app) : IClassFixture<OperatorLogTests.InformationApp>
{
    [Fact]
    public async Task Request_lines_carry_the_client_address_trace_version_and_instance()
    {
        using var client = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/routines", UriKind.Relative));
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        using (await client.SendAsync(request))
        {
        }

        var line = await app.Log.WaitForAsync(e => e.Properties.ContainsKey("StatusCode") && e.Properties.TryGetValue("TraceId", out var t)
            && t.ToString() == "\"4bf92f3577b34da6a3ce929d0e0e4736\"");

        Assert.StartsWith("\"10.", line.Properties["ClientAddress"].ToString(), StringComparison.Ordinal);
        Assert.Equal($"\"{AppVersion.Version}\"", line.Properties["Version"].ToString());
        Assert.Equal("\"instance-a\"", line.Properties["Instance"].ToString());
    }

    [Fact]
    public void Information_lines_have_a_level_field()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("Hello {Name}"),
            [new LogEventProperty("Name", new ScalarValue("runner"))]);
        using var output = new StringWriter();

        new LevelledJsonFormatter().Format(logEvent, output);

        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("Information", json.RootElement.GetProperty("@l").GetString());
        Assert.Equal("Hello \"runner\"", json.RootElement.GetProperty("@m").GetString());
        Assert.Equal("runner", json.RootElement.GetProperty("Name").GetString());
    }

    [Fact]
    public void A_failed_start_is_one_json_error_line_naming_the_setting_and_exit_code_1()
    {
        var error = new OptionsValidationException("AppOptions", typeof(object), ["App:PublicBaseUrl must be set in Production (e.g. https://knee.example)."]);
        using var output = new StringWriter();

        var exit = StartupFailure.Report(error, output);

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Error", json.RootElement.GetProperty("@l").GetString());
        Assert.Contains("App:PublicBaseUrl must be set in Production", json.RootElement.GetProperty("@m").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("@x", out _));
    }

    public sealed class InformationApp() : KneeResetFactory([new("Serilog:MinimumLevel:Default", "Information"), new("Instance:Name", "instance-a")]);
}
