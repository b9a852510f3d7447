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
    [BindProperty] public ExerciseForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Picture { get; set; }

    public int? Id { get; private set; }
    public LibraryWords Words => content.Library;
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
            Input = ExerciseForm.From(LibraryFiles.Editing(exercise), exercise.Version);
            Image = id is null ? null : exercise.DraftImage ?? exercise.Image;
            if (id is null)
            {
                // A copy starts as a draft with its own slug; staff rename it before publishing.
                Input.Slug += "-copy";
                Input.Name += " (copy)";
                Input.Status = "draft";
                Input.Version = 0;
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, Input.Version, cancellationToken);

    public Task<IActionResult> OnPostKeepMineAsync(int? id, int currentVersion, CancellationToken cancellationToken) => SaveAsync(id, currentVersion, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var problem = await editor.DeleteExerciseAsync(id, User.Identity!.Name!, cancellationToken);
        if (problem is null)
        {
            return RedirectToPage("Index");
        }
        Id = id;
        ModelState.AddModelError(string.Empty, problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// Checks everything before a picture is stored (the picture itself, then the form), stores it
    /// safely, and removes it again if the save is refused or fails: no orphan files, and the
    /// form comes back with what was typed and a clear message whenever something is wrong.
    /// </summary>
    private async Task<IActionResult> SaveAsync(int? id, int expectedVersion, CancellationToken cancellationToken)
    {
        Id = id;
        var file = Input.ToFile();
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

/// <summary>The exercise form; list fields are edited one line per item.</summary>
public sealed class ExerciseForm
{
    public int Version { get; set; }
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Purpose { get; set; }
    public string? Kind { get; set; } = "strength";
    public bool Springy { get; set; }
    public List<string> BodyAreas { get; set; } = [];
    public string? Equipment { get; set; }
    public string? Instructions { get; set; }
    public string? Cues { get; set; }
    public string? CommonMistakes { get; set; }
    public string? Easier { get; set; }
    public string? Harder { get; set; }
    public string Status { get; set; } = "draft";

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public ExerciseFile ToFile() => new()
    {
        Slug = Slug?.Trim() ?? "",
        Name = Name?.Trim() ?? "",
        Purpose = Purpose?.Trim() ?? "",
        Kind = Kind ?? "",
        Springy = Springy,
        BodyAreas = BodyAreas,
        Equipment = (Equipment ?? "").Split(',').Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).ToList(),
        Instructions = Lines(Instructions),
        Cues = Lines(Cues),
        CommonMistakes = Lines(CommonMistakes),
        Easier = string.IsNullOrEmpty(Easier) ? null : Easier,
        Harder = string.IsNullOrEmpty(Harder) ? null : Harder,
        Status = Status,
    };

    public static ExerciseForm From(ExerciseFile file, int version) => new()
    {
        Version = version,
        Slug = file.Slug,
        Name = file.Name,
        Purpose = file.Purpose,
        Kind = file.Kind,
        Springy = file.Springy,
        BodyAreas = [.. file.BodyAreas],
        Equipment = string.Join(", ", file.Equipment),
        Instructions = string.Join("\n", file.Instructions),
        Cues = string.Join("\n", file.Cues),
        CommonMistakes = string.Join("\n", file.CommonMistakes),
        Easier = file.Easier,
        Harder = file.Harder,
        Status = file.Status,
    };
}
