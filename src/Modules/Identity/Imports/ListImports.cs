using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Web;

namespace Preau.Identity.Imports;

/// <summary>A line of the import history.</summary>
internal sealed record ImportSummary(
    Guid Id,
    DateTime CreatedAt,
    string FileName,
    ImportFormat Format,
    ImportStatus Status,
    string? SchoolName,
    string? UploadedBy,
    int Created,
    int Updated,
    int Deactivated,
    int Rejected);

/// <summary>The import history: who imported what, when, with which result; a head sees their schools' imports only.</summary>
internal sealed class ListImports(IdentityDbContext db)
{
    public const int PageSize = 20;

    public async Task<PageOf<ImportSummary>> ListAsync(AccountRelations actor, int page, CancellationToken cancellationToken)
    {
        var runs = db.ImportRuns.AsNoTracking();
        if (!actor.IsTerritoryAdmin)
        {
            var headed = actor.SchoolRoles.Where(r => (r.Value & Platform.Authorization.Profile.Head) != 0).Select(r => r.Key).ToList();
            runs = runs.Where(r => r.SchoolId != null && headed.Contains(r.SchoolId.Value));
        }

        var total = await runs.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await (from r in runs
                          join s in db.Schools on r.SchoolId equals s.Id into schools
                          from s in schools.DefaultIfEmpty()
                          join a in db.Accounts on r.UploadedBy equals a.Id into uploaders
                          from a in uploaders.DefaultIfEmpty()
                          orderby r.CreatedAt descending
                          select new { r.Id, r.CreatedAt, r.FileName, r.Format, r.Status, School = s == null ? null : s.Name, Uploader = a == null ? null : a.FirstName + " " + a.LastName, r.ReportJson })
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var items = rows.Select(r =>
        {
            var report = ImportReport.FromJson(r.ReportJson);
            return new ImportSummary(r.Id, r.CreatedAt, r.FileName, r.Format, r.Status, r.School, r.Uploader,
                report.Changes.Values.Sum(c => c.Created), report.Changes.Values.Sum(c => c.Updated), report.Changes.Values.Sum(c => c.Deactivated), report.LinesRejected);
        }).ToList();
        return new PageOf<ImportSummary>(items, page, PageSize, total);
    }

    /// <summary>A run's rejected lines, a page at a time, in file order.</summary>
    public async Task<PageOf<ImportRejection>> RejectionsAsync(Guid runId, int page, CancellationToken cancellationToken)
    {
        const int size = 50;
        var rejections = db.ImportRejections.AsNoTracking().Where(r => r.ImportRunId == runId);
        var total = await rejections.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await rejections.OrderBy(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PageOf<ImportRejection>(items, page, size, total);
    }
}
