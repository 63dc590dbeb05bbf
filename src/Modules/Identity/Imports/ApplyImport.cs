using Microsoft.EntityFrameworkCore;
using Preau.Identity.Data;
using Preau.Platform.Files;

namespace Preau.Identity.Imports;

/// <summary>
/// Asks for the application of an analysed import: a conditional UPDATE, so that two clicks (or two
/// people) apply it once. The application itself runs in the background (<see cref="ImportRunner"/>).
/// </summary>
internal sealed class ApplyImport(IdentityDbContext db, ImportSignal signal)
{
    /// <summary>Whether the run was analysed and is now waiting for its application.</summary>
    public async Task<bool> ApplyAsync(Guid runId, Guid appliedBy, CancellationToken cancellationToken)
    {
        var queued = await db.ImportRuns.Where(r => r.Id == runId && r.Status == ImportStatus.Analysed).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ImportStatus.Applying)
            .SetProperty(r => r.AppliedBy, appliedBy)
            .SetProperty(r => r.Attempts, 0)
            .SetProperty(r => r.ProcessedLines, 0)
            .SetProperty(r => r.LockedUntil, (DateTime?)null)
            .SetProperty(r => r.LockedBy, (Guid?)null), cancellationToken);
        if (queued == 1)
        {
            signal.Notify();
        }

        return queued == 1;
    }
}

/// <summary>Abandons an analysed import that will not be applied: nothing changes, the file is deleted.</summary>
internal sealed class AbandonImport(IdentityDbContext db, IFileStore store)
{
    public async Task<bool> AbandonAsync(Guid runId, CancellationToken cancellationToken)
    {
        var fileKey = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.FileKey).SingleOrDefaultAsync(cancellationToken);
        var abandoned = await db.ImportRuns.Where(r => r.Id == runId && r.Status == ImportStatus.Analysed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Abandoned), cancellationToken);
        if (abandoned == 1 && fileKey is not null)
        {
            await ImportRunner.DeleteFileAsync(db, store, runId, fileKey, cancellationToken);
        }

        return abandoned == 1;
    }
}
