using FluentValidation;
using KneeReset.Core.Outcomes;
using KneeReset.Web.Assessments;
using KneeReset.Web.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Pages.Manage;

/// <summary>The weekly check-in section as the private page and this page draw it.</summary>
/// <param name="Posted">The answers just posted (bad input comes back with them); null to start from last week's activities.</param>
public sealed record CheckInSection(CheckInState State, string ManageToken, CheckInModel.CheckInInput? Posted = null);

/// <summary>
/// The weekly check-in on the runner's private link (/m/{token}/check-in): worst pain this week and
/// the PSFS. A save goes back to the private page with a confirmation; bad input comes back here with
/// the form as posted and a validation summary. GET shows the form and stores nothing.
/// </summary>
public class CheckInModel(AssessmentService assessments, WeeklyCheckIns checkIns) : PageModel
{
    public CheckInSection Section { get; private set; } = null!;

    public sealed class ActivityInput
    {
        public string? Name { get; set; }
        public int? Score { get; set; }
    }

    public sealed class CheckInInput
    {
        public int? WorstPain { get; set; }
        public List<ActivityInput> Activities { get; set; } = [];
    }

    public sealed class CheckInValidator : AbstractValidator<CheckInInput>
    {
        public CheckInValidator(WeeklyCheckIns checkIns)
        {
            // One set of rules for the page and the API (WeeklyCheckIns.Problems).
            RuleFor(x => x).Custom((input, context) =>
            {
                foreach (var (field, message) in checkIns.Problems(input.WorstPain, [.. input.Activities.Select(a => (a.Name, a.Score))]))
                {
                    context.AddFailure(field, message);
                }
            });
        }
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, null, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string token, CheckInInput checkIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        if (await LoadAsync(token, checkIn, cancellationToken) is not { } assessment)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var activities = checkIn.Activities.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select(a => new PsfsActivity(a.Name!, a.Score!.Value)).ToList();
        var stored = await checkIns.SaveAsync(assessment, checkIn.WorstPain!.Value, activities, cancellationToken);
        TempData[nameof(ShowModel.Message)] = stored == CheckInStored.Replaced
            ? "This week's check-in is updated: it replaces the one you saved earlier this week."
            : "This week's check-in is saved.";
        return RedirectToPage("/Manage/Show", null, new { token }, "check-in-title");
    }

    private async Task<Data.StoredAssessment?> LoadAsync(string token, CheckInInput? posted, CancellationToken cancellationToken)
    {
        if (await assessments.FindByManageTokenAsync(token, cancellationToken) is not { } record)
        {
            return null;
        }
        Section = new CheckInSection(await checkIns.ForSeriesAsync(record.Stored, cancellationToken), token, posted);
        return record.Stored;
    }
}
