using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using KneeReset.Core.Tests.TrainingImport;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KneeReset.Core.Tests.TrainingImport.TrainingFiles;

namespace KneeReset.Web.Tests.Pages.Assess;

/// <summary>"Add my runs" on the questionnaire's training step, without JavaScript, through to the result.</summary>
public class TrainingStepTests(KneeResetFactory factory, TrainingStepTests.OneImportPerMinuteApp limited)
    : IClassFixture<KneeResetFactory>, IClassFixture<TrainingStepTests.OneImportPerMinuteApp>
{
    private static readonly DateTimeOffset Halloween = new(2025, 10, 31, 7, 30, 0, TimeSpan.Zero);

    /// <summary>8 km on four Wednesdays of October, then 16 km on Friday 31 October: 100% over the month's longest.</summary>
    private static readonly byte[] October = Bytes(Gpx11(Run(-30, 8), Run(-23, 8), Run(-16, 8), Run(-9, 8), Run(0, 16)));

    /// <summary>10 km in mid-September, then nothing until 12 km on 3 November.</summary>
    private static readonly byte[] AfterABreak = Bytes(Tcx([Run(-45, 10, "Running"), Run(3, 12, "Running")]));

    private static GeneratedRun Run(int days, double km, string type = "running") =>
        new(Halloween.AddDays(days), km, TimeSpan.FromMinutes(km * 5.5), type);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A tendon picture, with no training figures: those come from the files.</summary>
    private static JsonObject Answers()
    {
        var answers = RunnerResults.KneecapAnswers();
        answers["location"] = new JsonArray("below_kneecap");
        answers["timing"] = new JsonArray("start_of_run_then_eases");
        answers.Remove("weekly_km_now");
        answers.Remove("weekly_km_month_ago");
        return answers;
    }

    [Fact]
    public async Task Adding_runs_fills_the_training_answers_and_shows_the_weekly_chart_with_the_spike_marked()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var form = await HtmlForm.OpenAsync(client, training);
        form.Set("q.shoe_km", "350").Attach("files", "october.gpx", October, "application/gpx+xml");
        using var response = await form.PressAsync("Add my runs");

        Assert.Equal(training + "#training-import", Browser.AssertRedirect(response));
        var page = await client.GetPageAsync(training);
        Assert.Equal(("16", "8", "16", "8"), TrainingAnswers(page));
        Assert.Equal("350", Input(page, "q.shoe_km").Value);
        Assert.All(new[] { "q.weekly_km_now", "q.longest_run_km_recent" }, name =>
            Assert.False(Input(page, name).IsReadOnly || Input(page, name).IsDisabled, $"{name} can still be changed"));
        Assert.Contains("Added 5 runs from 1 October to 31 October", page.QuerySelector(".imported")!.TextContent, StringComparison.Ordinal);

        var chart = page.QuerySelector(".training-chart svg[role=img]")!;
        Assert.Equal("training-chart-title training-chart-desc", chart.GetAttribute("aria-labelledby"));
        Assert.Equal(5, chart.QuerySelectorAll("rect.bar").Length);
        var spikeBar = Assert.Single(chart.QuerySelectorAll("rect.bar.spike"));
        Assert.Contains("Week of 27 Oct: 16 km, holds a spike", spikeBar.TextContent, StringComparison.Ordinal);
        Assert.Contains("Marked as holding a spike: the week of 27 Oct.", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31 October: 16 km, 100% longer than your longest in the 30 days before (8 km)",
            Assert.Single(page.QuerySelectorAll("ul.spikes li")).TextContent.Trim());
        var spikeWeek = Assert.Single(page.QuerySelectorAll(".training-weeks tr.spike-week"));
        Assert.Equal(["27 Oct", "16 km", "yes"], spikeWeek.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task A_runner_who_chose_miles_gets_the_figures_in_miles()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var form = await HtmlForm.OpenAsync(client, training);
        form.Set("unit", "miles").Attach("files", "october.gpx", October, "application/gpx+xml");
        using var response = await form.PressAsync("Add my runs");

        Browser.AssertRedirect(response);
        var page = await client.GetPageAsync(training);
        Assert.Equal(("9.9", "5", "9.9", "5"), TrainingAnswers(page));
        Assert.StartsWith("31 October: 9.9 mi, 100% longer", page.QuerySelector("ul.spikes li")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answers_name_their_7_days_the_bars_their_calendar_weeks_and_the_first_week_is_not_judged()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);
        // Monday 20 Oct 5 km, Thursday 9 km and Saturday 10 km (each longer than all before, but in
        // the file's first week), then Monday 27 Oct to Friday 31 Oct: 7, 6 and 8 km.
        var file = Bytes(Gpx11(Run(-11, 5), Run(-8, 9), Run(-6, 10), Run(-4, 7), Run(-2, 6), Run(0, 8)));

        var form = await HtmlForm.OpenAsync(client, training);
        form.Attach("files", "two-weeks.gpx", file, "application/gpx+xml");
        Browser.AssertRedirect(await form.PressAsync("Add my runs"));
        var page = await client.GetPageAsync(training);

        // The answer is the last 7 days (Saturday to Friday, 31 km); the last bar the calendar week so far (21 km).
        Assert.Equal("31", Input(page, "q.weekly_km_now").Value);
        Assert.Contains("last 7 days", page.QuerySelector("label[for='weekly_km_now'], #field-weekly_km_now")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31 km in the last 7 days, 25 October to 31 October", page.QuerySelector(".imported")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["27 Oct", "21 km", ""], page.QuerySelectorAll(".training-weeks tbody tr")[^1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var caption = page.QuerySelector(".training-chart figcaption")!.TextContent;
        Assert.Contains("calendar week, Monday to Sunday; the last one holds only the days up to 31 October", caption, StringComparison.Ordinal);
        Assert.DoesNotContain("this week", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        // Thursday's and Saturday's runs had only days of data before them: no spike.
        Assert.Empty(page.QuerySelectorAll(".training-chart > svg rect.bar.spike"));
        Assert.Empty(page.QuerySelectorAll("ul.spikes li"));
    }

    [Fact]
    public async Task A_text_file_is_called_what_it_was_read_as_not_a_csv()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var form = await HtmlForm.OpenAsync(client, training);
        form.Attach("files", "notes.txt", Bytes("Ran to the park today\nKnee sore after\n"), "text/plain");
        using var response = await form.PressAsync("Add my runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await Browser.ParseAsync(response)).QuerySelector(".error-summary a[href='#field-files']")!.TextContent;
        Assert.StartsWith("Training files: notes.txt: this is plain text", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CSV", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_is_named_in_the_error_summary_and_the_typed_answers_stay()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var form = await HtmlForm.OpenAsync(client, training);
        form.Set("q.weekly_km_now", "33").Set("q.longest_run_km_recent", "12").Set("q.shoe_km", "lots")
            .Attach("files", "broken.gpx", Bytes("<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"45\" lon=\"10\">"), "application/gpx+xml");
        using var response = await form.PressAsync("Add my runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!;
        var link = summary.QuerySelector("a[href='#field-files']")!;
        Assert.StartsWith("Training files: broken.gpx: line 1", link.TextContent, StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector("a[href='#field-shoe_km']"));
        Assert.NotNull(page.QuerySelector("#field-files"));
        Assert.Equal("33", Input(page, "q.weekly_km_now").Value);
        Assert.Equal("12", Input(page, "q.longest_run_km_recent").Value);
        Assert.Equal("lots", Input(page, "q.shoe_km").Value);
        Assert.Null(page.QuerySelector(".training-chart"));
    }

    [Fact]
    public async Task Add_my_runs_without_a_file_says_none_was_added()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var form = await HtmlForm.OpenAsync(client, training);
        using var response = await form.PressAsync("Add my runs");

        var page = await HtmlForm.ReadAsync(client, response);
        Assert.Contains("Training files: No files were added.", page.Page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_is_the_forms_first_button_so_enter_in_an_answer_never_imports()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var page = await client.GetPageAsync(training);

        var first = page.QuerySelector("form[method=post] button[type=submit]")!;
        Assert.Equal(("nav", "next"), (first.GetAttribute("name"), first.GetAttribute("value")));
        var add = page.QuerySelectorAll("form[method=post] button").Single(b => b.TextContent.Trim() == "Add my runs");
        Assert.Equal("multipart/form-data", add.GetAttribute("formenctype"));
        Assert.EndsWith("/training?handler=Import", add.GetAttribute("formaction"), StringComparison.Ordinal);
        var files = (IHtmlInputElement)page.QuerySelector("input[type=file][name=files]")!;
        Assert.True(files.IsMultiple);
        Assert.Equal(".gpx,.tcx,.csv,.gz", files.Accept);
    }

    [Theory]
    [InlineData("october.gpx", "Your 16 km run on 31 October was 100% longer than your longest in the 30 days before")]
    [InlineData("break.tcx", "Your 12 km run on 3 November came after 30 days without a run")]
    public async Task The_runs_are_kept_through_the_next_steps_and_the_result_cites_the_spike_with_its_date(string file, string evidence)
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);
        var form = await HtmlForm.OpenAsync(client, training);
        form.Attach("files", file, file == "october.gpx" ? October : AfterABreak, "application/octet-stream");
        using (var imported = await form.PressAsync("Add my runs"))
        {
            Browser.AssertRedirect(imported);
        }

        var review = await AnswerOnAsync(client, training);
        var share = await Wizard.FinishAsync(client, review);
        var result = await client.GetPageAsync(share);

        var tendon = result.QuerySelectorAll(".cause-list > li.cause").Single(c => c.QuerySelector("h3")!.TextContent.Contains("Tendon", StringComparison.Ordinal));
        Assert.Contains(tendon.QuerySelectorAll(".evidence li"), li => li.TextContent.Contains(evidence, StringComparison.Ordinal));
        Assert.DoesNotContain(tendon.QuerySelectorAll(".evidence li"), li => li.TextContent.Contains("Your longest run", StringComparison.Ordinal));

        // Stored with the assessment: dates, distances and spikes, never a position.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var token = RunnerResults.TokenOf(share);
        var stored = await db.Assessments.AsNoTracking().SingleAsync(a => a.Token == token);
        Assert.Contains("\"spikes\":[{\"date\":", stored.ImportedTrainingJson, StringComparison.Ordinal);
        Assert.DoesNotContain("lat", stored.ImportedTrainingJson!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("45.", stored.ImportedTrainingJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_thousands_of_years_apart_are_left_out_and_the_draft_keeps_only_a_few_weeks()
    {
        // Issue 22: two runs in year 2 and year 9998 once stored a 17.7 MB draft (every week between).
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);
        var form = await HtmlForm.OpenAsync(client, training);
        form.Attach("files", "far.csv", Bytes("Activity Type,Date,Distance\nRunning,0002-01-01 07:00:00,5\nRunning,9998-12-31 07:00:00,5\n"), "text/csv")
            .Attach("files", "october.gpx", October, "application/gpx+xml");

        using (var imported = await form.PressAsync("Add my runs"))
        {
            Browser.AssertRedirect(imported);
        }

        var page = await client.GetPageAsync(training);
        Assert.Contains("2 runs dated outside the 26 weeks up to 31 October were left out.", page.QuerySelector(".imported")!.TextContent, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var draft = await db.AssessmentDrafts.AsNoTracking().SingleAsync(d => d.Id == Wizard.DraftOf(training));
        Assert.InRange(draft.ImportedTrainingJson!.Length, 1, 2048);
    }

    [Fact]
    public async Task A_file_of_a_run_no_one_can_run_is_named_in_the_error_summary()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);
        var form = await HtmlForm.OpenAsync(client, training);
        form.Attach("files", "huge.csv", Bytes("Activity Type,Date,Distance\nRunning,2025-10-31 07:00:00,1.6e308\n"), "text/csv");

        using var response = await form.PressAsync("Add my runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("huge.csv: 1 run no one can run (the first: a distance of 1.6E+308 km", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_runs_keeps_their_answers_and_the_result_falls_back_to_the_recalled_longest_run()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);
        var form = await HtmlForm.OpenAsync(client, training);
        form.Attach("files", "october.gpx", October, "application/gpx+xml");
        using (var imported = await form.PressAsync("Add my runs"))
        {
            Browser.AssertRedirect(imported);
        }

        var withRuns = await HtmlForm.OpenAsync(client, training);
        using (var removed = await withRuns.PressAsync("Remove these runs"))
        {
            Assert.Equal(training + "#training-import", Browser.AssertRedirect(removed));
        }
        var page = await client.GetPageAsync(training);
        Assert.Null(page.QuerySelector(".training-chart"));
        Assert.Equal(("16", "8", "16", "8"), TrainingAnswers(page));

        var share = await Wizard.FinishAsync(client, await AnswerOnAsync(client, training));
        var result = await client.GetPageAsync(share);
        Assert.DoesNotContain("31 October", result.QuerySelector(".cause-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your longest run is 100% longer than in the month before", result.QuerySelector(".cause-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_training_step_takes_files()
    {
        using var client = factory.CreateBrowser();
        var training = await ToTrainingStepAsync(client);
        var pattern = training.Replace("/training", "/pattern", StringComparison.Ordinal);

        var page = await client.GetPageAsync(pattern);
        Assert.Null(page.QuerySelector("input[type=file]"));
        var form = HtmlForm.Of(client, pattern, page);
        var import = page.CreateElement("button");
        import.SetAttribute("formaction", pattern + "?handler=Import");
        import.TextContent = "Import anyway";
        page.QuerySelector("form[method=post]")!.AppendChild(import);
        using var response = await form.PressAsync("Import anyway");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Imports_on_the_step_are_rate_limited_but_its_other_posts_are_not()
    {
        using var client = limited.CreateBrowser();
        var training = await ToTrainingStepAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            var form = await HtmlForm.OpenAsync(client, training);
            form.Attach("files", "october.gpx", October, "application/gpx+xml");
            using var response = await form.PressAsync("Add my runs");
            statuses.Add(response.StatusCode);
        }
        var next = await Wizard.NextAsync(client, training);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.EndsWith("/form", next, StringComparison.Ordinal);
    }

    public sealed class OneImportPerMinuteApp() : KneeResetFactory([new("RateLimits:TrainingImportsPerMinute", "1")]);

    /// <summary>Answers every step up to the training step; returns its address.</summary>
    private static async Task<string> ToTrainingStepAsync(HttpClient client) =>
        await Wizard.AnswerUntilAsync(client, await Wizard.StartAsync(client), "training", Answers());

    /// <summary>Presses Next on the training step (as it stands) and answers the steps after it; returns the review's address.</summary>
    private static async Task<string> AnswerOnAsync(HttpClient client, string training) =>
        await Wizard.AnswerUntilAsync(client, await Wizard.NextAsync(client, training), "review", Answers());

    private static (string?, string?, string?, string?) TrainingAnswers(IHtmlDocument page) => (
        Input(page, "q.weekly_km_now").Value, Input(page, "q.weekly_km_month_ago").Value,
        Input(page, "q.longest_run_km_recent").Value, Input(page, "q.longest_run_km_month_before").Value);

    private static IHtmlInputElement Input(IHtmlDocument page, string name) =>
        (IHtmlInputElement)page.QuerySelector($"input[name='{name}']")!;
}
