using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>The app with what its library imports ask of the store counted (<see cref="ImportTraffic"/>).</summary>
public sealed class CountedImportApp : KneeResetFactory
{
    public ImportTraffic Traffic { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => ImportTraffic.AddTo(services, Traffic));
    }
}
