using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// Recovery over weeks as a runner lives it on a phone (issue 25), at 390 and 320 px: a week of
/// sessions logged from the private page with each next-morning pain given; a re-take that keeps
/// the clinician's plan and the passcode; Back after finishing the questionnaire.
/// </summary>
[Collection(SecondBrowser.Name)]
public class RecoveryJourneyTests(BrowserApp app)
{
    private async Task<(IBrowserContext Context, IPage Page, List<string> Errors, string Manage)> StartAsync(int width)
    {
        var (context, page, errors) = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 844);
        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new
            {
                answers = new Dictionary<string, object>
                {
                    ["location"] = new[] { "front_kneecap" },
                    ["onset"] = "gradual",
                    ["worst_pain"] = 3,
                    ["age"] = 34,
                    ["red_flags"] = Array.Empty<string>(),
                    ["aggravators"] = new[] { "stairs_down" },
                },
            },
        });
        var manage = new Uri(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!).AbsolutePath;
        await page.GotoAsync(manage);
        return (context, page, errors, manage);
    }

    private static async Task AssertFitsAsync(IPage page, string where)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{where} scrolls sideways: {widths[0]} px in {widths[1]} px");
    }

    [ChromiumTheory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task A_week_of_sessions_from_the_private_page_with_each_morning_given(int width)
    {
        var (context, page, errors, manage) = await StartAsync(width);
        await using var _ = context;
        var play = (await page.Locator(".routines a.button").First.GetAttributeAsync("href"))!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Six days back to today; the first three mornings are long past, so they go in with the session.
        for (var back = 6; back >= 0; back--)
        {
            await page.GotoAsync(play);
            await page.FillAsync("#Input_On", today.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.CheckAsync("input[name='Input.PainUsual'][value='1']");
            await page.CheckAsync("input[name='Input.PainDuring'][value='2']");
            if (back > 3)
            {
                await page.CheckAsync("input[name='Input.PainNextMorning'][value='1']");
            }
            await page.CheckAsync("input[name='Input.Feeling'][value='about_right']");
            await page.ClickAsync("text=Save session");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(manage) + "/sessions/"));
        }

        // The Today card asks for each morning still to give (three days back at most), answered right there.
        await page.GotoAsync(manage);
        var mornings = page.Locator(".today .morning-form");
        await Assertions.Expect(mornings).ToHaveCountAsync(3);
        await AssertFitsAsync(page, "The private page with three mornings to give");
        for (var left = 3; left > 0; left--)
        {
            await Assertions.Expect(mornings).ToHaveCountAsync(left);
            await mornings.First.Locator("input[name=painNextMorning][value='1']").CheckAsync();
            await mornings.First.Locator("button:has-text('Save the morning')").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(manage) + "/sessions/"));
            await page.GotoAsync(manage);
        }

        await Assertions.Expect(mornings).ToHaveCountAsync(0);
        var rows = page.Locator(".session-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(7);
        // Every morning but today's is in; today's session waits for tomorrow.
        for (var i = 0; i < 6; i++)
        {
            await Assertions.Expect(rows.Nth(i).Locator("td").Nth(3)).ToHaveTextAsync("1");
        }
        await Assertions.Expect(page.Locator(".today .advice")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "The private page after a week");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>Re-takes the check from the private page, keeping every answer, and returns the new private page.</summary>
    private static async Task<string> RetakeAsync(IPage page)
    {
        await page.ClickAsync("button:has-text('Re-take the check')");
        for (var step = 0; step < 30 && !page.Url.Contains("/review", StringComparison.Ordinal); step++)
        {
            // The step's own Next button, as a thumb presses it.
            var heading = await page.Locator("h1").TextContentAsync();
            await page.ClickAsync("button.button[name=nav][value=next]");
            await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync(heading!);
        }
        await page.ClickAsync("button:has-text('See my result')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your result");
        return new Uri(page.Url).AbsolutePath;
    }

    [ChromiumTheory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task A_retake_keeps_the_clinicians_plan_and_the_passcode(int width)
    {
        var (context, page, errors, manage) = await StartAsync(width);
        await using var _ = context;
        await page.FillAsync("input[name='Sharing.Passcode']", "blue-heron-7");
        await page.ClickAsync("button:has-text('Save sharing settings')");
        await Assertions.Expect(page.Locator(".sharing")).ToContainTextAsync("after entering your passcode");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var id = await db.Assessments.Where(a => a.ManageToken == manage.Substring(3)).Select(a => a.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<ClinicianPlans>().SaveAsync(id, "physio@studio.test", "Three times a week.", null, null,
                [new PlanItem("hip-and-glute-strength", "Hip and glute strength", "2 x 10", null)], CancellationToken.None);
        }
        await page.ReloadAsync();
        await page.ClickAsync(".plan-news button:has-text('Got it')");
        await Assertions.Expect(page.Locator(".plan-news")).ToHaveCountAsync(0);

        var newer = await RetakeAsync(page);

        Assert.NotEqual(manage, newer);
        await Assertions.Expect(page.Locator(".plan .dosage")).ToContainTextAsync("2 x 10");
        await Assertions.Expect(page.Locator(".plan-carried")).ToContainTextAsync("still in force");
        await Assertions.Expect(page.Locator(".plan-news")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".sharing")).ToContainTextAsync("after entering your passcode");
        await AssertFitsAsync(page, "The re-taken result");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [ChromiumTheory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task Back_after_finishing_the_questionnaire_lands_on_the_result(int width)
    {
        var (context, page, errors, manage) = await StartAsync(width);
        await using var _ = context;
        var newer = await RetakeAsync(page);

        await page.GoBackAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(newer) + "$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your result");
        Assert.NotEqual(manage, newer);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
