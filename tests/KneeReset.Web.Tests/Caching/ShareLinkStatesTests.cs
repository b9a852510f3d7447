using System.Net;
using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// On SQLite the share links' states are kept in memory, so a cached result page needs no query;
/// no change to a link can be hidden by them, however a visit and the change interleave.
/// </summary>
public class ShareLinkStatesTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private static readonly ShareLinkState Open = new("series", Protected: false, Revoked: false, ExpiresAt: null);

    [Fact]
    public void A_state_read_before_a_change_was_committed_is_not_kept_after_it()
    {
        var states = new ShareLinkStates(enabled: true);
        var readAt = states.Generation;

        states.ForgetAll(); // the change commits while the visit is still reading the old state
        states.Remember("token", Open, readAt);

        Assert.False(states.TryGet("token", out _));
        states.Remember("token", Open, states.Generation);
        Assert.True(states.TryGet("token", out var kept));
        Assert.Same(Open, kept);
    }

    [Fact]
    public void Switched_off_they_keep_nothing_and_full_they_start_again()
    {
        var off = new ShareLinkStates(enabled: false);
        off.Remember("token", Open, off.Generation);
        Assert.False(off.TryGet("token", out _));

        var states = new ShareLinkStates(enabled: true);
        for (var i = 0; i <= ShareLinkStates.Capacity; i++)
        {
            states.Remember($"token-{i}", Open, states.Generation);
        }
        Assert.False(states.TryGet("token-0", out _));
        Assert.True(states.TryGet($"token-{ShareLinkStates.Capacity}", out _));
    }

    [SqliteFact]
    public async Task A_cached_page_with_a_known_link_is_answered_without_asking_the_store()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var visitor = app.CreateBrowser();
        using (await visitor.GetAsync(new Uri(share, UriKind.Relative)))
        {
        }

        using (app.Faults.FailCommands("\"Assessments\""))
        {
            using var cached = await visitor.GetAsync(new Uri(share, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.NotNull(cached.Headers.Age);
        }
    }

    [SqliteFact]
    public async Task A_link_changed_inside_a_transaction_is_forgotten_again_when_it_commits()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        var token = share[3..];
        var states = app.Services.GetRequiredService<ShareLinkStates>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var stored = await db.Assessments.SingleAsync(a => a.Token == token);
        stored.ShareRevoked = true;
        await db.SaveChangesAsync();

        // A visit between the save and the commit still reads the open link, and keeps it.
        states.Remember(token, Open, states.Generation);
        Assert.True(states.TryGet(token, out _));
        await transaction.CommitAsync();

        Assert.False(states.TryGet(token, out _));
        using var visitor = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);
    }
}
