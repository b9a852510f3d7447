using KneeReset.Web.Caching;
using KneeReset.Web.Content;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Pages.Routines;

/// <summary>The routine library with filters that work as a plain GET form.</summary>
[OutputCache(PolicyName = CachePolicies.LibraryList)]
public class IndexModel(RoutineLibrary library, ContentCatalog content) : PageModel
{
    [BindProperty(SupportsGet = true, Name = RoutineListFilters.Cause)] public string? Cause { get; set; }
    [BindProperty(SupportsGet = true, Name = RoutineListFilters.Area)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true, Name = RoutineListFilters.Kind)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = RoutineListFilters.Minutes)] public int? Minutes { get; set; }
    [BindProperty(SupportsGet = true, Name = RoutineListFilters.NoEquipment)] public bool NoEquipment { get; set; }

    public IReadOnlyList<RoutineView> Routines { get; private set; } = [];
    public IReadOnlyList<CauseInfo> Causes => content.Causes.Causes;
    public LibraryWords Words => content.LibraryWords;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await library.PublishedAsync(cancellationToken);
        Routines = all
            .Where(r => string.IsNullOrEmpty(Cause) || r.Routine.Causes.Contains(Cause))
            .Where(r => string.IsNullOrEmpty(Area) || r.Targets.Contains(Area))
            .Where(r => string.IsNullOrEmpty(Kind) || r.Targets.Contains(Kind))
            .Where(r => Minutes is null || r.Minutes <= Minutes)
            .Where(r => !NoEquipment || r.Gear.Count == 0)
            .ToList();
    }

    public string CauseName(string id) => content.CauseName(id);
}
