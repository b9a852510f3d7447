using KneeReset.Web.Areas.Staff.LibraryEditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages.Library;

/// <summary>Back up the library as files (the content/ format) and bring a backup back.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = LibraryTransfer.MaxZipBytes)]
[RequestSizeLimit(LibraryTransfer.MaxZipBytes + 64 * 1024)]
public class TransferModel(LibraryTransfer transfer, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Archive { get; set; }
    public LibraryTransfer.ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        File(await transfer.ExportAsync(cancellationToken), "application/zip", $"kneereset-library-{clock.GetUtcNow():yyyyMMdd}.zip");

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (Archive is null || Archive.Length == 0)
        {
            ModelState.AddModelError(nameof(Archive), "Choose a library zip to import.");
            return Page();
        }
        if (Archive.Length > LibraryTransfer.MaxZipBytes)
        {
            ModelState.AddModelError(nameof(Archive), "That zip is too large (the limit is 10 MB).");
            return Page();
        }
        await using var stream = Archive.OpenReadStream();
        Result = await transfer.ImportAsync(stream, User.Identity!.Name!, cancellationToken);
        foreach (var problem in Result.Problems)
        {
            ModelState.AddModelError(nameof(Archive), problem);
        }
        return Page();
    }
}
