using Microsoft.EntityFrameworkCore;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Homework;

/// <summary>A session of a class's log as the staff see it: scheduled or published, with how many pupils did the work.</summary>
internal sealed record LogLine(
    Guid EntryId,
    Guid? AuthorId,
    string Subject,
    DateOnly SessionOn,
    TimeOnly? SessionStartsAt,
    string LessonHtml,
    string WorkHtml,
    DateOnly? DueOn,
    int? EstimatedMinutes,
    DateTime PublishAt,
    int DoneCount,
    int Attachments);

/// <summary>A class's homework log, latest sessions first, a page at a time (staff only: unpublished entries included).</summary>
internal sealed class ListHomeworkForClass(SchoolLifeDbContext db)
{
    public const int PageSize = 20;

    public async Task<PageOf<LogLine>> RunAsync(Guid classGroupId, int page, CancellationToken cancellationToken)
    {
        var query = db.HomeworkEntries.AsNoTracking().Where(e => e.ClassGroupId == classGroupId);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query
            .OrderByDescending(e => e.SessionOn).ThenByDescending(e => e.SessionStartsAt).ThenByDescending(e => e.CreatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new LogLine(e.Id, e.AuthorId, e.Subject, e.SessionOn, e.SessionStartsAt, e.LessonHtml, e.WorkHtml, e.DueOn, e.EstimatedMinutes, e.PublishAt,
                db.HomeworkDone.Count(d => d.EntryId == e.Id),
                db.HomeworkAttachments.Count(a => a.EntryId == e.Id)))
            .ToListAsync(cancellationToken);
        return new PageOf<LogLine>(items, page, PageSize, total);
    }
}
