using System.Text;
using KneeReset.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// List settings bind as the docs write them: a ';'-separated string (an environment variable, or a
/// plain string in JSON) as well as the indexed form (issue 28, finding 1).
/// </summary>
public sealed class ListSettingsTests
{
    [Fact]
    public void A_semicolon_separated_environment_variable_binds_every_address()
    {
        var prefix = $"KNEERESET_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Proxy__KnownProxies", "127.0.0.1; 10.0.0.5");
        Environment.SetEnvironmentVariable(prefix + "Proxy__KnownNetworks", "10.1.0.0/16");
        try
        {
            var proxies = Bind(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());

            Assert.Equal(["127.0.0.1", "10.0.0.5"], proxies.KnownProxies);
            Assert.Equal(["10.1.0.0/16"], proxies.KnownNetworks);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Proxy__KnownProxies", null);
            Environment.SetEnvironmentVariable(prefix + "Proxy__KnownNetworks", null);
        }
    }

    [Fact]
    public void A_plain_string_in_json_binds_as_a_list_of_one()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{ "Proxy": { "KnownProxies": "10.0.0.5" } }"""));

        var proxies = Bind(new ConfigurationBuilder().AddJsonStream(json).Build());

        Assert.Equal(["10.0.0.5"], proxies.KnownProxies);
        Assert.Empty(proxies.KnownNetworks);
    }

    [Fact]
    public void The_indexed_form_still_binds()
    {
        var proxies = Bind(new ConfigurationBuilder().AddInMemoryCollection([new("Proxy:KnownProxies:0", "10.0.0.5"), new("Proxy:KnownProxies:1", "10.0.0.6")]).Build());

        Assert.Equal(["10.0.0.5", "10.0.0.6"], proxies.KnownProxies);
    }

    private static ProxyOptions Bind(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOptions<ProxyOptions>().BindWithLists(configuration.GetSection(ProxyOptions.Section));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ProxyOptions>>().Value;
    }
}
