using System.Net;
using KneeReset.Web.Health;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Health;

/// <summary>
/// A nearly full disk shows in readiness although the write probe (one row rewritten in place)
/// still succeeds: not ready under the SQLite database, degraded under the media folder (issue 22,
/// finding 12). The disk's free space is faked; the real one is read otherwise.
/// </summary>
public sealed class DiskSpaceTests(DiskSpaceTests.FakeDiskApp app) : IClassFixture<DiskSpaceTests.FakeDiskApp>
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task Readiness_follows_the_free_space_on_the_disks_the_app_writes_to()
    {
        using var client = app.CreateBrowser();
        Directory.CreateDirectory(app.MediaFolder);
        var plenty = await ReadinessAsync(client);

        app.Disk.Free = 50 * Megabyte;
        var low = await ReadinessAsync(client);
        app.Disk.Free = 10L * 1024 * Megabyte;

        if (TestServices.Provider == "Sqlite")
        {
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), low);
        }
        else
        {
            // PostgreSQL's disk is the server's; the media folder's is still this machine's.
            Assert.Equal((HttpStatusCode.OK, "Degraded"), low);
        }
        Assert.Equal((HttpStatusCode.OK, "Healthy"), plenty);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadinessAsync(client));
    }

    [Fact]
    public void The_real_free_space_of_a_folder_can_be_read()
    {
        Assert.True(new FreeDiskSpace().BytesFree(AppContext.BaseDirectory) > 0);
    }

    private static async Task<(HttpStatusCode, string)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public sealed class FakeDisk : FreeDiskSpace
    {
        public long Free { get; set; } = 10L * 1024 * Megabyte;

        public override long BytesFree(string folder) => Free;
    }

    public sealed class FakeDiskApp : KneeResetFactory
    {
        public FakeDisk Disk { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<FreeDiskSpace>(Disk));
        }
    }
}
