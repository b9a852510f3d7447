using FluentValidation.AspNetCore;
using FluentValidation.Results;
using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Routines;

/// <summary>
/// Create, edit or duplicate a routine. Steps are added, moved and removed with buttons that
/// post the form back (no JavaScript needed; staff.js adds drag and drop). Nothing is saved
/// until "Save", and a save made from an older version shows what changed instead of overwriting.
/// </summary>
public class EditModel(LibraryEditor editor, KneeResetDbContext db, ContentCatalog content) : PageModel
{
    [BindProperty]
    public RoutineForm Input { get; set; } = new();

    public int? Id { get; private set; }
    public LibraryWords Words => content.Library;
    public IReadOnlyList<Exercise> Exercises { get; private set; } = [];
    /// <summary>When someone else saved first: their version's differences from this form.</summary>
    public IReadOnlyList<FieldChange> Conflict { get; private set; } = [];
    public int? ConflictVersion { get; private set; }
    public string? Saved { get; private set; }
    /// <summary>What runners see now, to tell staff what a save will do to them.</summary>
    public PublishStatus? LiveStatus { get; private set; }
    public bool DraftWaiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? duplicate, string? saved, CancellationToken cancellationToken)
    {
        Id = id;
        var source = id ?? duplicate;
        if (source is { } sourceId)
        {
            if (await editor.LoadRoutineAsync(sourceId, cancellationToken) is not { } routine)
            {
                return NotFound();
            }
            Input = RoutineForm.From(LibraryFiles.Editing(routine), routine.Version);
            if (duplicate is not null)
            {
                Input.Slug += "-copy";
                Input.Title += " (copy)";
                Input.Status = "draft";
                Input.Version = 0;
            }
        }
        Saved = saved;
        await LoadExercisesAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, Input.Version, cancellationToken);

    /// <summary>After a conflict the editor chose their own version: save it over the current one.</summary>
    public Task<IActionResult> OnPostKeepMineAsync(int? id, int currentVersion, CancellationToken cancellationToken) => SaveAsync(id, currentVersion, cancellationToken);

    public async Task<IActionResult> OnPostDiscardDraftAsync(int id, CancellationToken cancellationToken)
    {
        var result = await editor.DiscardRoutineDraftAsync(id, Input.Version, User.Identity!.Name!, cancellationToken);
        if (result.Saved)
        {
            return RedirectToPage(new { id, saved = result.Version });
        }
        // Discarding is refused when someone saved since this form was opened: nothing is lost unseen.
        Id = id;
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, result.Errors.Count > 0 ? result.Errors[0].ErrorMessage : "Someone else saved this routine since you opened it; open it again to see their version.");
        await LoadExercisesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddStepAsync(int? id, CancellationToken cancellationToken)
    {
        Input.Steps.Add(new StepForm());
        return await RedisplayAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(int? id, int index, string dir, CancellationToken cancellationToken)
    {
        var target = dir == "up" ? index - 1 : index + 1;
        if (index >= 0 && index < Input.Steps.Count && target >= 0 && target < Input.Steps.Count)
        {
            (Input.Steps[index], Input.Steps[target]) = (Input.Steps[target], Input.Steps[index]);
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int? id, int index, CancellationToken cancellationToken)
    {
        if (index >= 0 && index < Input.Steps.Count)
        {
            Input.Steps.RemoveAt(index);
        }
        return await RedisplayAsync(id, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(int? id, int expectedVersion, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            await LoadExercisesAsync(cancellationToken);
            return Page();
        }
        var file = Input.ToFile();
        var result = await editor.SaveRoutineAsync(id, file, expectedVersion, User.Identity!.Name!, id is null ? "routine.created" : "routine.saved", cancellationToken);
        if (result.Conflict is not null)
        {
            Conflict = FieldDiff.Compare(result.Conflict, LibraryFiles.Write(file));
            ConflictVersion = result.Version;
            await LoadExercisesAsync(cancellationToken);
            return Page();
        }
        if (!result.Saved)
        {
            new ValidationResult(result.Errors).AddToModelState(ModelState, nameof(Input));
            await LoadExercisesAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage(new { id = result.Id, saved = result.Version });
    }

    private async Task<IActionResult> RedisplayAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        ModelState.Clear();
        await LoadExercisesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadExercisesAsync(CancellationToken cancellationToken)
    {
        Exercises = await db.Exercises.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);
        if (Id is { } id && await db.Routines.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status, Draft = r.DraftJson != null }).FirstOrDefaultAsync(cancellationToken) is { } live)
        {
            (LiveStatus, DraftWaiting) = (live.Status, live.Draft);
        }
    }
}

/// <summary>The routine form: a <see cref="RoutineFile"/> with the version it was read at.</summary>
public sealed class RoutineForm
{
    public int Version { get; set; }
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? WhenToDo { get; set; }
    public string? Phase { get; set; } = "strengthen";
    public string? Difficulty { get; set; } = "easy";
    public List<string> Causes { get; set; } = [];
    public List<string> Findings { get; set; } = [];
    public bool Gentle { get; set; }
    public string? PainRule { get; set; }
    public string Status { get; set; } = "draft";
    public List<StepForm> Steps { get; set; } = [];

    public RoutineFile ToFile() => new()
    {
        Slug = Slug?.Trim() ?? "",
        Title = Title?.Trim() ?? "",
        Summary = Summary?.Trim() ?? "",
        WhenToDo = WhenToDo?.Trim() ?? "",
        Phase = Phase ?? "",
        Difficulty = Difficulty ?? "",
        Causes = Causes,
        Findings = Findings,
        Gentle = Gentle,
        PainRule = string.IsNullOrWhiteSpace(PainRule) ? null : PainRule.Trim(),
        Status = Status,
        Steps = Steps.Select(s => new RoutineStepFile
        {
            Exercise = s.Exercise ?? "",
            Sets = s.Sets,
            Reps = s.Reps,
            HoldSeconds = s.HoldSeconds,
            RestSeconds = s.RestSeconds,
            PerSide = s.PerSide,
            Tempo = string.IsNullOrWhiteSpace(s.Tempo) ? null : s.Tempo.Trim(),
            Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim(),
        }).ToList(),
    };

    public static RoutineForm From(RoutineFile file, int version) => new()
    {
        Version = version,
        Slug = file.Slug,
        Title = file.Title,
        Summary = file.Summary,
        WhenToDo = file.WhenToDo,
        Phase = file.Phase,
        Difficulty = file.Difficulty,
        Causes = [.. file.Causes],
        Findings = [.. file.Findings],
        Gentle = file.Gentle,
        PainRule = file.PainRule,
        Status = file.Status,
        Steps = file.Steps.Select(s => new StepForm
        {
            Exercise = s.Exercise,
            Sets = s.Sets,
            Reps = s.Reps,
            HoldSeconds = s.HoldSeconds,
            RestSeconds = s.RestSeconds,
            PerSide = s.PerSide,
            Tempo = s.Tempo,
            Note = s.Note,
        }).ToList(),
    };
}

public sealed class StepForm
{
    public string? Exercise { get; set; }
    public int Sets { get; set; } = 3;
    public int? Reps { get; set; } = 10;
    public int? HoldSeconds { get; set; }
    public int RestSeconds { get; set; } = 30;
    public bool PerSide { get; set; }
    public string? Tempo { get; set; }
    public string? Note { get; set; }
}
