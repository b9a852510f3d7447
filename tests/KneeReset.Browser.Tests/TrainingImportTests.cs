using System.Text;
using KneeReset.Core.Tests.TrainingImport;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

[Collection(SharedBrowser.Name)]
public class TrainingImportTests(BrowserApp app)
{
    private static readonly DateTimeOffset Halloween = new(2025, 10, 31, 7, 30, 0, TimeSpan.Zero);

    [ChromiumFact]
    public async Task On_a_phone_adding_runs_fills_the_training_answers_and_draws_the_chart_without_sideways_scrolling()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(320, 700);

        await page.StartToWhereItHurtsAsync();
        await page.CheckAsync("#location-below_kneecap");
        await page.NextStepAsync();
        await page.CheckAsync("#worst_pain-4");
        await page.NextStepAsync();
        await page.NextStepAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your training");

        var runs = new[] { -30, -23, -16, -9 }.Select(day => Run(day, 8)).Append(Run(0, 16)).ToArray();
        await page.SetInputFilesAsync("#training-files", new FilePayload
        {
            Name = "october.gpx",
            MimeType = "application/gpx+xml",
            Buffer = Encoding.UTF8.GetBytes(TrainingFiles.Gpx11(runs)),
        });
        await page.ClickAsync("button:text-is('Add my runs')");

        await Assertions.Expect(page.Locator("input[name='q.longest_run_km_recent']")).ToHaveValueAsync("16");
        await Assertions.Expect(page.Locator("input[name='q.longest_run_km_month_before']")).ToHaveValueAsync("8");
        await Assertions.Expect(page.Locator(".training-chart > svg rect.bar.spike")).ToHaveCountAsync(1);
        foreach (var width in new[] { 320, 390 })
        {
            await page.SetViewportSizeAsync(width, 700);
            Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        }
        Assert.Empty(errors);
    }

    private static GeneratedRun Run(int days, double km) => new(Halloween.AddDays(days), km, TimeSpan.FromMinutes(km * 5.5));
}
