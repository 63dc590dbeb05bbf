using Microsoft.EntityFrameworkCore;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Homework;

/// <summary>A pupil marks a piece of work done, or not done any more. The caller has checked that the pupil reads the entry.</summary>
internal sealed class MarkHomeworkDone(SchoolLifeDbContext db, TimeProvider clock)
{
    public async Task RunAsync(Guid entryId, Guid pupilId, bool done, CancellationToken cancellationToken)
    {
        if (!done)
        {
            await db.HomeworkDone.Where(d => d.EntryId == entryId && d.PupilId == pupilId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (await db.HomeworkDone.AnyAsync(d => d.EntryId == entryId && d.PupilId == pupilId, cancellationToken))
        {
            return;
        }

        db.HomeworkDone.Add(new HomeworkDone { EntryId = entryId, PupilId = pupilId, DoneAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double tap: the first one marked it.
            db.ChangeTracker.Clear();
        }
    }
}
