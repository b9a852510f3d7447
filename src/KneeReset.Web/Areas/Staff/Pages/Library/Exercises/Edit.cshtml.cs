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

namespace KneeReset.Web.Areas.Staff.Pages.Library.Exercises;

/// <summary>Create or edit an exercise (with an optional picture), or delete one no routine uses.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 10 * 1024 * 1024)]
[RequestSizeLimit(10 * 1024 * 1024)]
public class EditModel(LibraryEditor editor, LibraryChecks checks, MediaStore media, KneeResetDbContext db, ContentCatalog content) : PageModel
{
    /// <summary>
    /// The exercise as its file shape (list fields typed one item per line, equipment comma
    /// separated), tidied as it binds (<see cref="LibraryFileBinderProvider"/>) and checked before
    /// any handler runs by <see cref="ExerciseFileValidator"/> (FluentValidation automatic validation).
    /// </summary>
    [BindProperty] public ExerciseFile Input { get; set; } = Blank;

    /// <summary>The version the form was read at (0 for a new exercise): a save from an older one is a conflict.</summary>
    [BindProperty] public int Version { get; set; }

    [BindProperty] public IFormFile? Picture { get; set; }

    /// <summary>A new exercise's form.</summary>
    private static ExerciseFile Blank => new() { Slug = "", Name = "", Purpose = "", Kind = "strength", Status = "draft" };

    public int? Id { get; private set; }
    public LibraryWords Words => content.LibraryWords;
    public string? Image { get; private set; }
    public IReadOnlyList<Exercise> Others { get; private set; } = [];
    public IReadOnlyList<FieldChange> Conflict { get; private set; } = [];
    public int? ConflictVersion { get; private set; }
    public string? Saved { get; private set; }
    /// <summary>What runners see now, to tell staff what a save will do to them.</summary>
    public PublishStatus? LiveStatus { get; private set; }
    public bool DraftWaiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? duplicate, string? saved, CancellationToken cancellationToken)
    {
        Id = id;
        Saved = saved;
        if ((id ?? duplicate) is { } source)
        {
            if (await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == source, cancellationToken) is not { } exercise)
            {
                return NotFound();
            }
            (Input, Version) = (LibraryFiles.Editing(exercise), exercise.Version);
            Image = id is null ? null : exercise.DraftImage ?? exercise.Image;
            if (id is null)
            {
                // A copy starts as a draft with its own slug; staff rename it before publishing.
                (Input, Version) = (Input with { Slug = Input.Slug + "-copy", Name = Input.Name + " (copy)", Status = "draft" }, 0);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, Version, cancellationToken);

    public Task<IActionResult> OnPostKeepMineAsync(int? id, int currentVersion, CancellationToken cancellationToken) => SaveAsync(id, currentVersion, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var problem = await editor.DeleteExerciseAsync(id, User.Identity!.Name!, cancellationToken);
        if (problem is null)
        {
            return RedirectToPage("Index");
        }
        Id = id;
        // The delete button posts no form fields: what their validation said about that is beside the point.
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// Checks everything before a picture is stored (the form's rules, run before the handler; the
    /// picture itself; then what only the store knows, such as a slug taken), stores it
    /// safely, and removes it again if the save is refused or fails: no orphan files, and the
    /// form comes back with what was typed and a clear message whenever something is wrong.
    /// </summary>
    private async Task<IActionResult> SaveAsync(int? id, int expectedVersion, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var file = Input;
        var problem = Picture is null ? null : await media.CheckAsync(Picture, cancellationToken);
        if (problem is not null)
        {
            return await ShowAgainAsync("Picture", problem, cancellationToken);
        }
        if (Picture is not null && await checks.ExerciseAsync(id, file, cancellationToken) is { } invalid)
        {
            return await ShowAgainAsync(invalid, file, cancellationToken);
        }
        string? image = null;
        if (Picture is not null)
        {
            (image, problem) = await media.SaveAsync(Picture, cancellationToken);
            if (problem is not null)
            {
                return await ShowAgainAsync("Picture", problem, cancellationToken);
            }
        }
        SaveResult result;
        try
        {
            result = await editor.SaveExerciseAsync(id, file, expectedVersion, User.Identity!.Name!, id is null ? "exercise.created" : "exercise.saved", cancellationToken, image);
        }
        catch
        {
            media.Delete(image);
            throw;
        }
        if (result.Saved)
        {
            return RedirectToPage(new { id = result.Id, saved = result.Version });
        }
        media.Delete(image);
        return await ShowAgainAsync(result, file, cancellationToken);
    }

    private async Task<IActionResult> ShowAgainAsync(string field, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ShowAgainAsync(SaveResult result, ExerciseFile file, CancellationToken cancellationToken)
    {
        if (result.Conflict is not null)
        {
            Conflict = FieldDiff.Compare(result.Conflict, LibraryFiles.Write(file));
            ConflictVersion = result.Version;
        }
        new ValidationResult(result.Errors).AddToModelState(ModelState, nameof(Input));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Others = await db.Exercises.AsNoTracking().Where(e => e.Id != Id).OrderBy(e => e.Name).ToListAsync(cancellationToken);
        if (Id is not null && await db.Exercises.AsNoTracking().Where(e => e.Id == Id)
            .Select(e => new { e.Status, e.DraftJson, Image = e.DraftImage ?? e.Image }).FirstOrDefaultAsync(cancellationToken) is { } live)
        {
            Image ??= live.Image;
            (LiveStatus, DraftWaiting) = (live.Status, live.DraftJson != null);
        }
    }
}
