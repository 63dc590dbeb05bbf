using Microsoft.EntityFrameworkCore;
using Preau.Identity.Data;
using Preau.Platform.Privacy;

namespace Preau.Identity.Imports;

/// <summary>
/// What the import history holds about a person: the imports they uploaded or applied (RGPD art. 15).
/// On erasure the history stays (it records what happened to everyone's accounts), without them.
/// The people a roster describes are accounts: their data is the account's, exported and erased with it.
/// </summary>
internal sealed class ImportsPersonalData(IdentityDbContext db) : IPersonalDataSource
{
    public string Module => "imports";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var runs = await db.ImportRuns.AsNoTracking()
            .Where(r => r.UploadedBy == accountId || r.AppliedBy == accountId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.UploadedBy, r.AppliedBy, r.CreatedAt, r.AppliedAt, r.FileName, r.Format, r.Status })
            .ToListAsync(cancellationToken);
        return runs.Count == 0
            ? null
            : runs.Select(r => new
            {
                Fichier = r.FileName,
                Format = r.Format.ToString(),
                État = r.Status.ToString(),
                DéposéLe = r.UploadedBy == accountId ? r.CreatedAt : (DateTime?)null,
                AppliquéLe = r.AppliedBy == accountId ? r.AppliedAt : null,
            }).ToList();
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await db.ImportRuns.Where(r => r.UploadedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.UploadedBy, Guid.Empty), cancellationToken);
        await db.ImportRuns.Where(r => r.AppliedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.AppliedBy, (Guid?)null), cancellationToken);
    }
}
