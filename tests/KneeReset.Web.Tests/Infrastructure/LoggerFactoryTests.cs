using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// The app's logger factory keeps one logger per category (Serilog's made one per call, and
/// ASP.NET Core asks on every request), and what those loggers write still reaches Serilog.
/// </summary>
public sealed class LoggerFactoryTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_category_has_one_logger_whose_events_reach_the_apps_log()
    {
        var factory = app.Services.GetRequiredService<ILoggerFactory>();
        var logger = factory.CreateLogger("KneeReset.Web.Tests.LoggerFactory");
        Assert.Same(logger, factory.CreateLogger("KneeReset.Web.Tests.LoggerFactory"));
        Assert.NotSame(logger, factory.CreateLogger("KneeReset.Web.Tests.Another"));

        logger.LogWarning("Logged through the kept logger {Marker}", 4711);

        var logged = await app.Log.WaitForAsync(e => LogCollector.Text(e).Contains("4711", StringComparison.Ordinal));
        Assert.Equal("\"KneeReset.Web.Tests.LoggerFactory\"", logged.Properties["SourceContext"].ToString());
    }
}
