using FluentValidation;
using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Pages.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace KneeReset.Web.Pages.Manage;

/// <summary>
/// The runner's private page at /m/{token}: their result, and control over sharing (expiry,
/// revoke, new link, passcode), a nickname, re-taking the check, the calendar (plan, runs, check-in) and deleting
/// everything. Only the runner has this link; it is never shown on the share page.
/// </summary>
/// <remarks>Re-taking makes a draft, so the Retake handler shares the new-draft limit (no other handler counts).</remarks>
[EnableRateLimiting(RateLimits.NewDraft)]
public class ShowModel(AssessmentService assessments, ShareLinks sharing, ClinicianPlans plans, ResultViews views, WizardService wizard, KneeResetDbContext db, PublicLinks links, Retention retention, CalendarFeed calendar, TimeProvider clock) : PageModel
{
    public LoadedAssessment Record { get; private set; } = null!;
    public ResultView View { get; private set; } = null!;
    public string ShareUrl => links.To($"/r/{Record.Token}");

    /// <summary>A QR code is drawn only for a full address (one with the site's configured public address).</summary>
    public bool CanDrawQr => links.IsAbsolute;
    /// <summary>A confirmation after a change, carried once in TempData: never in the address the runner bookmarks.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>The newest re-take of this assessment, when there is one: this page points the runner to it.</summary>
    public StoredAssessment? Newer { get; private set; }

    /// <summary>Until when the result is kept, as the runner is told; null while the share link has no end.</summary>
    public DateTimeOffset? KeptUntil => retention.KeptUntil(Record.Stored);

    public int ResultDays => retention.ResultDays;

    /// <summary>What a browser is told to forget once a result is deleted: its HTTP cache, and Cache Storage, service workers and localStorage.</summary>
    public const string ClearSiteData = "\"cache\", \"storage\"";

    /// <summary>The "Back to running" section, its run form keyed afresh each time the page is served.</summary>
    public RunningSection? Running => View.Running is { } state ? new(state, Record.Stored.ManageToken, View.Today, UnguessableToken.New()) : null;

    public bool ShareActive => Record.Stored.IsOpen(clock.GetUtcNow());

    /// <summary>When a link made now would stop (the rule on <see cref="StoredAssessment"/>); null for no end.</summary>
    public DateTimeOffset? NewLinkEnds => Record.Stored.NewLinkExpiresAt(clock.GetUtcNow());

    /// <summary>The calendar feed as a webcal:// address, from the configured public address; null without one (the download still works).</summary>
    public string? CalendarSubscribeUrl => calendar.SubscribeUrl(Record.Stored.ManageToken);

    public sealed class SharingInput
    {
        public string? Expiry { get; set; }
        public string? Passcode { get; set; }
        public string? Nickname { get; set; }
    }

    public sealed class SharingValidator : AbstractValidator<SharingInput>
    {
        public SharingValidator()
        {
            RuleFor(x => x.Expiry).Must(e => e is null || ShareLinks.IsExpiryChoice(e)).WithMessage("Choose 7, 30 or 90 days, or no end.");
            RuleFor(x => x.Passcode).Length(PasscodeOptions.MinLength, 64).When(x => !string.IsNullOrEmpty(x.Passcode))
                .WithMessage($"A passcode needs {PasscodeOptions.MinLength} to 64 characters.");
            RuleFor(x => x.Nickname).MaximumLength(40).WithMessage("Keep the nickname under 40 characters.");
        }
    }

    /// <summary>Checked by <see cref="SharingValidator"/> as it is bound (FluentValidation's automatic validation: Infrastructure/PageValidation).</summary>
    [BindProperty] public SharingInput Sharing { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        // Reading the page stores nothing: the plan's news stays until the runner presses "Got it" (OnPostPlanSeenAsync).
        return Page();
    }

    /// <summary>"Got it" on the plan's news: remembers the plan as the runner has now seen it.</summary>
    /// <param name="version">The plan version the runner read: a plan changed since then stays news.</param>
    public async Task<IActionResult> OnPostPlanSeenAsync(string token, int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        if (View.Plan is { } plan && plan.Plan.Version == version)
        {
            await plans.MarkSeenAsync(Record.Stored, plan, cancellationToken);
        }
        return RedirectToPage(null, null, new { token }, "plan-title");
    }

    public async Task<IActionResult> OnPostSharingAsync(string token, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(token, cancellationToken) ? Page() : NotFound();
        }
        return Done(token, await sharing.SaveSettingsAsync(token, Sharing.Expiry, Sharing.Passcode, Sharing.Nickname, cancellationToken), "Sharing settings saved.");
    }

    public async Task<IActionResult> OnPostClearPasscodeAsync(string token, CancellationToken cancellationToken) =>
        Done(token, await sharing.ClearPasscodeAsync(token, cancellationToken), "The passcode is removed.");

    public async Task<IActionResult> OnPostRevokeAsync(string token, CancellationToken cancellationToken) =>
        Done(token, await sharing.RevokeAsync(token, cancellationToken), "The share link no longer works.");

    /// <summary>The box a runner ticks to make a new link while the one they shared still works.</summary>
    public const string ConfirmNewLinkField = "confirmNewLink";

    /// <summary>A new link stops the one already shared (a clinician's too): while that one works, only with the box ticked.</summary>
    public async Task<IActionResult> OnPostNewLinkAsync(string token, bool confirmNewLink, CancellationToken cancellationToken)
    {
        if (!confirmNewLink)
        {
            if (!await LoadAsync(token, cancellationToken))
            {
                return NotFound();
            }
            if (ShareActive)
            {
                ModelState.AddModelError(ConfirmNewLinkField, "Tick the box to confirm: the link you shared stops working, and whoever has it needs the new one.");
                return Page();
            }
        }
        return Done(token, await sharing.ReplaceAsync(token, cancellationToken), "A new share link is ready; the old one no longer works.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string token, bool confirm, CancellationToken cancellationToken)
    {
        var entity = await EntityAsync(token, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Tick the box to confirm you want to delete this result for good.");
            await LoadAsync(token, cancellationToken);
            return Page();
        }
        db.RoutineSessions.RemoveRange(await db.RoutineSessions.Where(s => s.AssessmentId == entity.Id).ToListAsync(cancellationToken));
        db.Assessments.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        // The service worker keeps copies of the private pages (the player works offline): the browser drops them, and this site's other storage, now.
        Response.Headers["Clear-Site-Data"] = ClearSiteData;
        return RedirectToPage("/Index", new { deleted = 1 });
    }

    /// <summary>Re-take: a new questionnaire filled with the last answers, linked into this history.</summary>
    public async Task<IActionResult> OnPostRetakeAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        var draft = await wizard.StartAsync(cancellationToken, Record);
        return RedirectToPage("/Assess/Step", new { draft = draft.Id, step = wizard.Questions.Steps[0].Id });
    }

    /// <summary>The calendar feed (/m/{token}/calendar.ics) as a file to download: the same calendar, today's copy.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(string token, CancellationToken cancellationToken) =>
        await calendar.WriteAsync(token, cancellationToken) is { } ics
            ? File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "kneereset.ics")
            : NotFound();

    /// <summary>The runner's choice to have their private link in the calendar's events (off unless ticked).</summary>
    public async Task<IActionResult> OnPostCalendarLinkAsync(string token, bool includeLink, CancellationToken cancellationToken)
    {
        if (await EntityAsync(token, cancellationToken) is not { } entity)
        {
            return NotFound();
        }
        entity.CalendarShowsLink = includeLink;
        await db.SaveChangesAsync(cancellationToken);
        return Done(token, found: true, includeLink
            ? "Your calendar's events now carry the link to this private page."
            : "Your calendar's events no longer carry the link to this private page.");
    }

    /// <summary>The share link as a QR code, drawn as SVG.</summary>
    public string QrSvg()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(ShareUrl, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#1d2430", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private IActionResult Done(string token, bool found, string message)
    {
        if (!found)
        {
            return NotFound();
        }
        Message = message;
        return RedirectToPage(new { token });
    }

    private async Task<StoredAssessment?> EntityAsync(string token, CancellationToken cancellationToken) =>
        UnguessableToken.LooksValid(token) ? await db.Assessments.FirstOrDefaultAsync(a => a.ManageToken == token, cancellationToken) : null;

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (await assessments.FindByManageTokenAsync(token, cancellationToken) is not { } record)
        {
            return false;
        }
        Record = record;
        View = await views.ForAsync(record, forRunner: true, cancellationToken);
        Newer = await db.Assessments.AsNoTracking().Where(a => a.SeriesKey == record.Stored.SeriesKey && a.Id > record.Stored.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
