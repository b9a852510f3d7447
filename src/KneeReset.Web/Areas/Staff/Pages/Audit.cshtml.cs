using KneeReset.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages;

/// <summary>Who changed what and when, newest first.</summary>
public class AuditModel(KneeResetDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        // Ordered by id: it follows time, and SQLite cannot order by DateTimeOffset.
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = entries.Count > PageSize;
        Entries = entries.Take(PageSize).ToList();
    }
}
