using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Homework;

/// <summary>A piece of work due, as families see it.</summary>
internal sealed record DueWork(
    Guid EntryId,
    Guid ClassGroupId,
    string Subject,
    DateOnly DueOn,
    string WorkHtml,
    int? EstimatedMinutes,
    int Attachments,
    DateTime PublishAt,
    DateTime UpdatedAt);

/// <summary>A piece of work due for one pupil: done or not, new or not for the reader.</summary>
internal sealed record PupilDueWork(Guid PupilId, DueWork Work, bool Done, Freshness Freshness);

/// <summary>A session of a log, as families read it.</summary>
internal sealed record SessionSummary(Guid EntryId, Guid ClassGroupId, string Subject, DateOnly SessionOn, string LessonHtml, bool HasWork, DateOnly? DueOn, int Attachments);

/// <summary>
/// The homework of pupils (a pupil's own, a guardian's children) in two indexed queries whatever the
/// number of children: the published work due in a period by class group and due date with the pupils'
/// "done" marks, and the reader's last visits.
/// </summary>
internal sealed class ListHomeworkForPupils(SchoolLifeDbContext db, TimeProvider clock)
{
    /// <summary>Sessions per page in the "what was done" list.</summary>
    public const int SessionsPageSize = 20;

    /// <summary>The published work due from <paramref name="from"/> to <paramref name="to"/>, for each pupil of <paramref name="memberships"/>.</summary>
    public async Task<IReadOnlyList<PupilDueWork>> DueAsync(Guid readerId, IReadOnlyCollection<PupilGroupInfo> memberships, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (memberships.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var groups = memberships.Select(m => m.ClassGroupId).Distinct().ToList();
        var pupils = memberships.Select(m => m.PupilId).Distinct().ToList();
        // The work and the pupils' "done" marks in one query (a collection join), then the reader's last visits.
        var rows = await Due(db, groups, from, to, now, pupils).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var visits = await LastVisitsAsync(readerId, pupils, cancellationToken);
        return (from m in memberships
                join r in rows on m.ClassGroupId equals r.Work.ClassGroupId
                orderby r.Work.DueOn, r.Work.Subject
                select new PupilDueWork(m.PupilId, r.Work, r.DoneBy.Contains(m.PupilId),
                    HomeworkRules.FreshnessOf(r.Work.PublishAt, r.Work.UpdatedAt, visits.TryGetValue(m.PupilId, out var visit) ? visit : null)))
            .ToList();
    }

    private sealed record DueRow(DueWork Work, List<Guid> DoneBy);

    // Compiled once, like the home page's other questions (decision 0017).
    private static readonly Func<SchoolLifeDbContext, List<Guid>, DateOnly, DateOnly, DateTime, List<Guid>, IAsyncEnumerable<DueRow>> Due = EF.CompileAsyncQuery(
        (SchoolLifeDbContext db, List<Guid> groups, DateOnly from, DateOnly to, DateTime now, List<Guid> pupils) => db.HomeworkEntries.AsNoTracking()
            .Where(e => groups.Contains(e.ClassGroupId) && e.DueOn >= from && e.DueOn <= to && e.PublishAt <= now)
            .OrderBy(e => e.DueOn).ThenBy(e => e.Subject).ThenBy(e => e.Id)
            .Select(e => new DueRow(
                new DueWork(e.Id, e.ClassGroupId, e.Subject, e.DueOn!.Value, e.WorkHtml, e.EstimatedMinutes,
                    db.HomeworkAttachments.Count(a => a.EntryId == e.Id && a.Part == AttachmentPart.Work), e.PublishAt, e.UpdatedAt),
                db.HomeworkDone.Where(d => d.EntryId == e.Id && pupils.Contains(d.PupilId)).Select(d => d.PupilId).ToList())));

    /// <summary>The published sessions of a pupil's classes and groups, latest first, a page at a time.</summary>
    public async Task<PageOf<SessionSummary>> SessionsAsync(IReadOnlyCollection<Guid> classGroupIds, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.HomeworkEntries.AsNoTracking().Where(e => classGroupIds.Contains(e.ClassGroupId) && e.PublishAt <= now);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + SessionsPageSize - 1) / SessionsPageSize));
        var items = await query
            .OrderByDescending(e => e.SessionOn).ThenByDescending(e => e.SessionStartsAt)
            .Skip((page - 1) * SessionsPageSize).Take(SessionsPageSize)
            .Select(e => new SessionSummary(e.Id, e.ClassGroupId, e.Subject, e.SessionOn, e.LessonHtml, e.DueOn != null, e.DueOn,
                db.HomeworkAttachments.Count(a => a.EntryId == e.Id)))
            .ToListAsync(cancellationToken);
        return new PageOf<SessionSummary>(items, page, SessionsPageSize, total);
    }

    /// <summary>The attachments of the given entries, by entry.</summary>
    public async Task<ILookup<Guid, HomeworkAttachment>> AttachmentsAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken) =>
        entryIds.Count == 0
            ? Array.Empty<HomeworkAttachment>().ToLookup(a => a.EntryId)
            : (await db.HomeworkAttachments.AsNoTracking().Where(a => entryIds.Contains(a.EntryId)).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken)).ToLookup(a => a.EntryId);

    /// <summary>The reader's last visit of each pupil's homework.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTime>> LastVisitsAsync(Guid readerId, IReadOnlyCollection<Guid> pupilIds, CancellationToken cancellationToken) =>
        (await Visits(db, readerId, [.. pupilIds]).ToListAsync(cancellationToken)).ToDictionary(v => v.PupilId, v => v.LastVisitAt);

    private static readonly Func<SchoolLifeDbContext, Guid, List<Guid>, IAsyncEnumerable<HomeworkVisit>> Visits = EF.CompileAsyncQuery(
        (SchoolLifeDbContext db, Guid readerId, List<Guid> pupilIds) => db.HomeworkVisits.AsNoTracking().Where(v => v.AccountId == readerId && pupilIds.Contains(v.PupilId)));

    /// <summary>Records that the reader has now seen the pupil's homework (what is new is marked until then).</summary>
    public async Task RecordVisitAsync(Guid readerId, Guid pupilId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.HomeworkVisits.Where(v => v.AccountId == readerId && v.PupilId == pupilId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.LastVisitAt, now), cancellationToken);
        if (updated > 0)
        {
            return;
        }

        db.HomeworkVisits.Add(new HomeworkVisit { AccountId = readerId, PupilId = pupilId, LastVisitAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs opened at once: the other one recorded the visit.
            db.ChangeTracker.Clear();
        }
    }
}
