using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Routines;

public class HistoryModel(LibraryRevisions revisions, LibraryEditor editor, KneeResetDbContext db) : HistoryPageModel(revisions, editor)
{
    public Routine Routine { get; private set; } = null!;

    protected override string EntityType => LibraryRevisions.RoutineType;

    protected override async Task<int?> LoadEntityAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Routines.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) is not { } found)
        {
            return null;
        }
        Routine = found;
        return found.Version;
    }
}
