using KneeReset.Web.Caching;

namespace KneeReset.Web.Tests.Caching;

/// <summary>The StackExchange.Redis settings behind the shared cache (issue 22, finding 6).</summary>
public class SharedCacheTests
{
    [Fact]
    public void Redis_settings_fail_fast_unless_Redis_Configuration_says_otherwise()
    {
        var settings = SharedCache.RedisOptions("redis:6379,password=secret");

        Assert.Equal((2000, 1000, 1000), (settings.ConnectTimeout, settings.SyncTimeout, settings.AsyncTimeout));
        Assert.False(settings.AbortOnConnectFail); // the app starts, and the connection is retried in the background
        Assert.False(settings.BacklogPolicy.QueueWhileDisconnected);
        Assert.False(settings.IncludeDetailInExceptions); // a cached result's key carries its token
        Assert.Equal("secret", settings.Password);

        var own = SharedCache.RedisOptions("redis:6379,connectTimeout=5000,asyncTimeout=3000");
        Assert.Equal((5000, 3000), (own.ConnectTimeout, own.AsyncTimeout));
    }

    [Fact]
    public void A_setting_StackExchange_Redis_does_not_know_stops_the_app_naming_Redis_Configuration()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SharedCache.RedisOptions("redis:6379,conectTimeout=5000"));

        Assert.Contains("Redis:Configuration", e.Message, StringComparison.Ordinal);
        Assert.Contains("conectTimeout", e.Message, StringComparison.Ordinal);
    }
}
