using FluentValidation.AspNetCore;
using FluentValidation.Results;
using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages.Library;

/// <summary>History of a routine or an exercise: every saved version, compare two, restore one (as a new version).</summary>
public abstract class HistoryPageModel(LibraryRevisions revisions, LibraryEditor editor) : PageModel
{
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public IReadOnlyList<FieldChange>? Changes { get; private set; }
    public int CurrentVersion { get; private set; }

    [BindProperty(SupportsGet = true)] public int? A { get; set; }
    [BindProperty(SupportsGet = true)] public int? B { get; set; }

    /// <summary>"routine" or "exercise".</summary>
    protected abstract string EntityType { get; }

    /// <summary>Loads the entity for the page; its current version, or null when it doesn't exist.</summary>
    protected abstract Task<int?> LoadEntityAsync(int id, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Revisions.FirstOrDefault(r => r.Id == A) is { } a && Revisions.FirstOrDefault(r => r.Id == B) is { } b)
        {
            Changes = FieldDiff.Compare(a.Snapshot, b.Snapshot);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Revisions.All(r => r.Id != revision))
        {
            return NotFound();
        }
        var result = await editor.RestoreAsync(revision, User.Identity!.Name!, cancellationToken);
        if (!result.Saved)
        {
            new ValidationResult(result.Errors).AddToModelState(ModelState);
            return Page();
        }
        // Each library History page sits beside its Edit page.
        return RedirectToPage("Edit", new { id, saved = result.Version });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadEntityAsync(id, cancellationToken) is not { } version)
        {
            return false;
        }
        CurrentVersion = version;
        Revisions = await revisions.ListAsync(EntityType, id, cancellationToken);
        return true;
    }
}
