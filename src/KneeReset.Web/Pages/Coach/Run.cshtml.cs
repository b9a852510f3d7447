using KneeReset.Core.ReturnToRun;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Pages.Coach;

/// <summary>
/// The interval coach for one stage of the return-to-running ladder, at the runner's private
/// address: the server renders the stage as a plain table of intervals (the coach without
/// JavaScript); wwwroot/js/run-coach.js turns it into a timed, spoken countdown. The run is
/// logged on the private page, which this page links to with the stage filled in.
/// </summary>
/// <remarks>As the run form refuses a stage that isn't open, the coach says so instead of coaching it.</remarks>
public class RunModel(ContentCatalog content, AssessmentService assessments, Ladders ladders) : PageModel
{
    /// <summary>The private token is the credential, as for the private player: a share token or an unknown one is a 404.</summary>
    [FromRoute]
    public string Manage { get; set; } = "";

    public RunStage Stage { get; private set; } = null!;
    public int StageCount { get; private set; }
    public string Conditions { get; private set; } = "";
    /// <summary>Pain during a run above this steps back a stage (content/return-to-run.json).</summary>
    public int StepBackAbove { get; private set; }
    public string Summary => LadderMonitor.Describe(Stage);

    /// <summary>Why this stage isn't to be run now (the ladder is closed, or a lower stage is open); null when it may be.</summary>
    public string? NotOpen { get; private set; }

    /// <summary>Each run-then-walk, in order; a continuous stage is one run with no walk.</summary>
    public IReadOnlyList<Interval> Intervals { get; private set; } = [];

    /// <param name="Number">1-based, across the whole run.</param>
    /// <param name="Repeat">Which of the stage's repeats it belongs to.</param>
    public sealed record Interval(int Number, int Repeat, string Kind, double Minutes);

    public async Task<IActionResult> OnGetAsync(int stage, CancellationToken cancellationToken)
    {
        var ladder = content.Ladder.Ladder;
        if (stage < 1 || stage > ladder.Stages.Count || await assessments.FindByManageTokenAsync(Manage, cancellationToken) is not { } record)
        {
            return NotFound();
        }
        Stage = ladder.Stages[stage - 1];
        var state = await ladders.ForSeriesAsync(record.Stored, null, cancellationToken);
        NotOpen = state.Accepts(stage) ? null
            : state.Stage is { } open ? $"Stage {stage} isn't open yet: stage {open} is the one to run now. Each stage opens after two counting runs at the one below."
            : $"The walk-run ladder isn't open: {state.Advice.Reason}";
        StageCount = ladder.Stages.Count;
        Conditions = ladder.Ladder.Conditions;
        StepBackAbove = ladder.Gates.StepBack.DuringAbove;
        Intervals = IntervalsOf(Stage);
        return Page();
    }

    public static IReadOnlyList<Interval> IntervalsOf(RunStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var intervals = new List<Interval>();
        for (var repeat = 1; repeat <= stage.Repeats; repeat++)
        {
            intervals.Add(new(intervals.Count + 1, repeat, "run", stage.RunMinutes));
            if (!stage.Continuous)
            {
                intervals.Add(new(intervals.Count + 1, repeat, "walk", stage.WalkMinutes));
            }
        }
        return intervals;
    }

    /// <summary>"1 min", "1.5 min": minutes as the table shows them.</summary>
    public static string Minutes(double minutes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{minutes:0.#} min");
}
