using System.IO.Compression;
using System.Net;
using System.Text;
using KneeReset.Core.Tests.TrainingImport;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>"Log a run I recorded": a run's file is read by the training import, matched to the open stage, and logged as a ladder run without JavaScript.</summary>
public class RecordedRunTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A run today at 00:05 UTC (never after the clock's now in the day, never before the self-tests).</summary>
    private GeneratedRun RunToday(double minutes, int daysAgo = 0) =>
        new(new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(0, 5)), TimeSpan.Zero), 5, TimeSpan.FromMinutes(minutes));

    private async Task<(HttpClient Client, string Manage)> OpenLadderAsync()
    {
        var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        await RunningLadder.OpenAsync(client, RunnerResults.TokenOf(manage), Today);
        return (client, manage);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string manage, string fileName, byte[] content)
    {
        var form = await HtmlForm.OpenAsync(client, manage, "form.running-recorded");
        return await form.Attach("file", fileName, content, "application/octet-stream").SubmitAsync();
    }

    [Fact]
    public async Task The_most_recent_run_of_a_gpx_is_proposed_as_the_open_stage_and_confirmed_once_with_the_pain_questions()
    {
        var (client, manage) = await OpenLadderAsync();
        using var _ = client;
        var gpx = Gpx11(RunToday(45, daysAgo: 20), RunToday(31));

        using var read = await UploadAsync(client, manage, "run.gpx", Encoding.UTF8.GetBytes(gpx));
        var confirm = await HtmlForm.ReadAsync(client, read, "form[action*='handler=Run']");
        var page = confirm.Page.QuerySelector("main")!.TextContent;

        Assert.Contains("31:00", page, StringComparison.Ordinal);
        Assert.Contains("matches stage 1", page, StringComparison.Ordinal);
        Assert.Contains("holds 2 runs", page, StringComparison.Ordinal);
        Assert.Equal("1", confirm.Value("run.Stage"));
        Assert.Equal(RunningLadder.Day(Today, 0), confirm.Value("run.On"));
        // Only the run's questions go on: nothing of the file (no position, no time of day).
        Assert.DoesNotContain("45.", confirm.Page.QuerySelector("form[action*='handler=Run']")!.OuterHtml, StringComparison.Ordinal);

        confirm.Set("run.Completed", "true").Set("run.PainDuring", "1");
        using var saved = await confirm.SubmitAsync();
        using var again = await confirm.SubmitAsync();
        var after = await client.GetPageAsync(Browser.AssertRedirect(saved));
        Browser.AssertRedirect(again);

        Assert.Contains("Run saved", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(after.QuerySelectorAll("table.running-runs tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["1", "yes", "1"], cells[1..4]);
    }

    [Fact]
    public async Task A_run_longer_than_the_open_stage_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var (client, manage) = await OpenLadderAsync();
        using var _ = client;

        using var read = await UploadAsync(client, manage, "long.gpx", Encoding.UTF8.GetBytes(Gpx11(RunToday(45))));
        var page = await Browser.ParseAsync(read);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("That's more than your ladder allows yet", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Run']"));
        Assert.NotNull(page.QuerySelector("form.running-recorded"));
        var state = await RunningLadder.StateAsync(client, RunnerResults.TokenOf(manage));
        Assert.Equal("start", (string)state["advice"]!["action"]!);
    }

    [Theory]
    [InlineData("dtd.gpx", "refused for safety")]
    [InlineData("bomb.gpx.gz", "unpacks to more than 20 MB")]
    public async Task A_hostile_or_oversized_file_gets_the_imports_message_not_a_500(string fileName, string message)
    {
        var (client, manage) = await OpenLadderAsync();
        using var _ = client;
        var content = fileName == "dtd.gpx"
            ? Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x \"x\">]><gpx version=\"1.1\"></gpx>")
            : Gzip(new byte[21 * 1024 * 1024]);

        using var read = await UploadAsync(client, manage, fileName, content);
        var page = await Browser.ParseAsync(read);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_ladder_is_closed_there_is_no_upload_and_a_post_is_refused()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        var page = await client.GetPageAsync(manage);
        var recorded = await client.GetPageAsync($"{manage}/running/recorded");

        Assert.Null(page.QuerySelector("form.running-recorded"));
        Assert.Null(recorded.QuerySelector("form.running-recorded"));
        Assert.NotNull(recorded.QuerySelector(".running-missing"));
    }

    private static byte[] Gzip(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return packed.ToArray();
    }
}
