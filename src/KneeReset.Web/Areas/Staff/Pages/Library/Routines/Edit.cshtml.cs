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
    /// <summary>
    /// The routine as its file shape, tidied as it binds (<see cref="LibraryFileBinderProvider"/>) and
    /// checked before any handler runs by <see cref="RoutineFileValidator"/>, its steps by
    /// <see cref="RoutineExercisesValidator"/> (FluentValidation automatic validation).
    /// </summary>
    [BindProperty]
    public RoutineFile Input { get; set; } = Blank;

    /// <summary>The version the form was read at (0 for a new routine): a save from an older one is a conflict.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>A new routine's form.</summary>
    private static RoutineFile Blank => new() { Slug = "", Title = "", Summary = "", WhenToDo = "", Phase = "strengthen", Difficulty = "easy", Status = "draft", Steps = [] };

    public int? Id { get; private set; }
    public LibraryWords Words => content.LibraryWords;
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
            (Input, Version) = (LibraryFiles.Editing(routine), routine.Version);
            if (duplicate is not null)
            {
                (Input, Version) = (Input with { Slug = Input.Slug + "-copy", Title = Input.Title + " (copy)", Status = "draft" }, 0);
            }
        }
        Saved = saved;
        await LoadExercisesAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, Version, cancellationToken);

    /// <summary>After a conflict the editor chose their own version: save it over the current one.</summary>
    public Task<IActionResult> OnPostKeepMineAsync(int? id, int currentVersion, CancellationToken cancellationToken) => SaveAsync(id, currentVersion, cancellationToken);

    public async Task<IActionResult> OnPostDiscardDraftAsync(int id, CancellationToken cancellationToken)
    {
        var result = await editor.DiscardRoutineDraftAsync(id, Version, User.Identity!.Name!, cancellationToken);
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
        Input.Steps.Add(new RoutineStepFile { Exercise = "", Sets = 3, Reps = 10, RestSeconds = 30 });
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
        var result = await editor.SaveRoutineAsync(id, Input, expectedVersion, User.Identity!.Name!, id is null ? "routine.created" : "routine.saved", cancellationToken);
        if (result.Conflict is not null)
        {
            Conflict = FieldDiff.Compare(result.Conflict, LibraryFiles.Write(Input));
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
