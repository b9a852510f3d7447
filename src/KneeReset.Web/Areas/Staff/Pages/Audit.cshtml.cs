using System.Text.RegularExpressions;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages;

/// <summary>Who changed what and when, newest first.</summary>
public partial class AuditModel(KneeResetDbContext db) : PageModel
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

    /// <summary>"routine.saved" as staff read it: "Routine saved" (the code stays in the row's data-action).</summary>
    public static string ActionText(string action) =>
        FieldNames.Sentence((action ?? "").Replace('.', ' ').Replace('_', ' '));

    /// <summary>A library save's "version 3: steps[1].sets, title" with the fields named in words.</summary>
    public static string? DetailsText(string? details) =>
        details is not null && VersionedChanges().Match(details) is { Success: true } m
            ? $"Version {m.Groups["version"].Value}: {FieldNames.DescribeList(m.Groups["changes"].Value)}"
            : details;

    [GeneratedRegex(@"^version (?<version>\d+): (?<changes>.+)$")]
    private static partial Regex VersionedChanges();
}
