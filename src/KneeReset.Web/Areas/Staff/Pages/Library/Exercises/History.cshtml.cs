using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Exercises;

public class HistoryModel(LibraryRevisions revisions, LibraryEditor editor, KneeResetDbContext db) : HistoryPageModel(revisions, editor)
{
    public Exercise Exercise { get; private set; } = null!;

    protected override string EntityType => LibraryRevisions.ExerciseType;

    protected override async Task<int?> LoadEntityAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Exercises.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) is not { } found)
        {
            return null;
        }
        Exercise = found;
        return found.Version;
    }
}
