using System.Net;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests;

/// <summary>
/// A shared app (<see cref="AppPool"/>) is handed to the next class as its start left it: nothing
/// the earlier class stored, cached, logged or mailed is still there, and an app whose clock moved
/// is not handed on at all. Each test has a kind of shared app of its own, so no other class can
/// take the app between its two "classes".
/// </summary>
public class AppPoolTests
{
    [Fact]
    public async Task The_next_class_finds_no_result_no_edit_no_cached_page_no_log_and_no_mail_of_the_last()
    {
        var earlier = new ResultsApp();
        var client = earlier.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(share)).StatusCode); // cached, with its link's state
        string original;
        await using (var scope = earlier.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var routine = await db.Routines.OrderBy(r => r.Id).FirstAsync();
            original = routine.Title;
            routine.Title = "Renamed by the earlier class";
            await db.SaveChangesAsync();
        }
        Assert.Contains("Renamed by the earlier class", await client.GetStringAsync("/routines"), StringComparison.Ordinal); // cached renamed
        Directory.CreateDirectory(earlier.Mail.Folder);
        await File.WriteAllTextAsync(Path.Combine(earlier.Mail.Folder, "left-behind.eml"), "To: someone@example.test\r\n\r\nLeft behind");
        earlier.Log.Emit(new Serilog.Events.LogEvent(DateTimeOffset.UtcNow, Serilog.Events.LogEventLevel.Warning, null, Serilog.Events.MessageTemplate.Empty, []));
        var host = earlier.Services;
        await earlier.DisposeAsync();

        await using var next = new ResultsApp();
        var browser = next.CreateBrowser();
        Assert.Same(host, next.Services); // the same started app, not a new one
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(share)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(manage)).StatusCode);
        var routines = await browser.GetStringAsync("/routines");
        Assert.DoesNotContain("Renamed by the earlier class", routines, StringComparison.Ordinal);
        Assert.Contains(original, routines, StringComparison.Ordinal);
        await using (var scope = next.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<KneeResetDbContext>().Assessments.AnyAsync());
        }
        Assert.Empty(next.Mail.All());
        Assert.Empty(next.Log.Events);
        // New rows still get keys: the key counters went back with the rows.
        var (again, _) = await RunnerResults.CreateAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(again)).StatusCode);
    }

    [Fact]
    public async Task An_app_whose_clock_moved_is_stopped_not_handed_on()
    {
        var earlier = new ClockApp();
        earlier.Clock.Advance(TimeSpan.FromDays(1));
        var host = earlier.Services;
        await earlier.DisposeAsync();

        await using var next = new ClockApp();
        Assert.NotSame(host, next.Services);
        Assert.False(next.Clock.Moved);
    }

    [SharedBetweenClasses]
    private sealed class ResultsApp() : KneeResetFactory([]);

    [SharedBetweenClasses]
    private sealed class ClockApp() : KneeResetFactory([]);
}
