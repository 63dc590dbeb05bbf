using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Identity.Data;
using Preau.Platform.Files;
using Preau.Platform.Jobs;

namespace Preau.Identity.Imports;

/// <summary>
/// Keeps uploaded rosters no longer than they serve (docs/privacy.md): a dry run nobody applied within
/// <see cref="ImportOptions.AbandonAfter"/> is abandoned and its file deleted, a file left behind by an
/// interrupted deletion is deleted, and rejected lines (which point at lines of a deleted file) go after
/// <see cref="ImportOptions.KeepRejectionsFor"/>. The history keeps who, when, which file and the counts.
/// </summary>
internal sealed class PurgeImports(IdentityDbContext db, IFileStore store, TimeProvider clock, IOptions<ImportOptions> options) : IScheduledJob
{
    public string Name => "identity.imports.purge";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now - options.Value.AbandonAfter;
        await db.ImportRuns.IgnoreQueryFilters()
            .Where(r => r.Status == ImportStatus.Analysed && r.CreatedAt < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Abandoned), cancellationToken);

        var leftovers = await db.ImportRuns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.FileKey != null && (r.Status == ImportStatus.Applied || r.Status == ImportStatus.Failed || r.Status == ImportStatus.Abandoned))
            .Select(r => new { r.Id, r.FileKey }).ToListAsync(cancellationToken);
        foreach (var run in leftovers)
        {
            await ImportRunner.DeleteFileAsync(db, store, run.Id, run.FileKey!, cancellationToken);
        }

        var oldBefore = now - options.Value.KeepRejectionsFor;
        var oldRuns = db.ImportRuns.IgnoreQueryFilters().Where(r => r.CreatedAt < oldBefore).Select(r => r.Id);
        await db.ImportRejections.IgnoreQueryFilters().Where(r => oldRuns.Contains(r.ImportRunId)).ExecuteDeleteAsync(cancellationToken);
    }
}
