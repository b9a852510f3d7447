using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>Moving through the questionnaire as a runner does.</summary>
internal static class WizardSteps
{
    /// <summary>Presses Next and waits until the next step's heading has replaced this one's.</summary>
    public static async Task NextStepAsync(this IPage page)
    {
        var heading = await page.Locator("h1").TextContentAsync();
        await page.ClickAsync("button[name=nav][value=next]:visible");
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync(heading!);
    }

    /// <summary>Starts a check with no red flags and an age of 34, and stops on "Where it hurts".</summary>
    public static async Task StartToWhereItHurtsAsync(this IPage page)
    {
        await page.GotoAsync("/assess");
        await page.ClickAsync("button:text-is('Start')");
        await page.CheckAsync("#onset-gradual");
        await page.CheckAsync("#red_flags-none");
        await page.NextStepAsync();
        await page.FillAsync("#age-input", "34");
        await page.NextStepAsync();
    }
}
