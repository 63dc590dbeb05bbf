using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Text;
using Preau.Platform.Web;

namespace Preau.Communication.News;

/// <summary>A news item in a list.</summary>
internal sealed record NewsSummary(Guid Id, string Title, string Excerpt, DateTime PublishAt, DateTime? ExpiresAt, string Origin, NewsAudience Audience, NewsStatus Status, string? RejectionReason);

/// <summary>Lists of news: the reader's, an author's own, a head's queue, a school's public ones.</summary>
internal sealed class ListNews(CommunicationDbContext db, IStructureDirectory directory, TimeProvider clock)
{
    public const int PageSize = 10;
    private const int ExcerptLength = 280;

    public async Task<PageOf<NewsSummary>> ForReaderAsync(Reader reader, int page, CancellationToken cancellationToken) =>
        await PageAsync(db.News.AsNoTracking().VisibleInSlices(reader, Now, slice => slice), page, PageSize, cancellationToken);

    public async Task<PageOf<NewsSummary>> ByAuthorAsync(Guid authorId, int page, CancellationToken cancellationToken) =>
        await PageAsync(db.News.AsNoTracking().Where(n => n.AuthorId == authorId), page, PageSize, cancellationToken, byUpdate: true);

    public async Task<IReadOnlyList<NewsSummary>> PendingForHeadAsync(Reader head, CancellationToken cancellationToken)
    {
        var schools = head.Relations.SchoolRoles.Keys.Where(head.Heads).ToList();
        var query = db.News.AsNoTracking().Where(n => n.Status == NewsStatus.PendingApproval && n.SchoolId != null && schools.Contains(n.SchoolId.Value));
        return (await PageAsync(query, 1, 50, cancellationToken, byUpdate: true)).Items;
    }

    public async Task<PageOf<NewsSummary>> PublicOfSchoolAsync(Guid schoolId, int page, int pageSize, CancellationToken cancellationToken) =>
        await PageAsync(db.News.AsNoTracking().PublicOfSchool(schoolId, Now), page, pageSize, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<PageOf<NewsSummary>> PageAsync(IQueryable<NewsItem> query, int page, int pageSize, CancellationToken cancellationToken, bool byUpdate = false)
    {
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var ordered = byUpdate ? query.OrderByDescending(n => n.UpdatedAt) : query.OrderByDescending(n => n.PublishAt).ThenByDescending(n => n.Id);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new { n.Id, n.Title, n.BodyHtml, n.PublishAt, n.ExpiresAt, n.SchoolId, n.ClassGroupId, n.Audience, n.Status, n.RejectionReason })
            .ToListAsync(cancellationToken);
        var origins = await OriginsAsync(items.Select(i => (i.SchoolId, i.ClassGroupId)), cancellationToken);
        var summaries = items.Select(i => new NewsSummary(i.Id, i.Title, Excerpt(i.BodyHtml), i.PublishAt, i.ExpiresAt, origins((i.SchoolId, i.ClassGroupId)), i.Audience, i.Status, i.RejectionReason)).ToList();
        return new PageOf<NewsSummary>(summaries, page, pageSize, total);
    }

    /// <summary>"CM2 – École …", "École …" or the town, for a batch of items (two queries).</summary>
    public async Task<Func<(Guid? SchoolId, Guid? ClassGroupId), string>> OriginsAsync(IEnumerable<(Guid? SchoolId, Guid? ClassGroupId)> keys, CancellationToken cancellationToken)
    {
        var list = keys.ToList();
        var schools = (await directory.GetSchoolsAsync(list.Where(k => k.SchoolId is not null).Select(k => k.SchoolId!.Value), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var classes = (await directory.GetClassGroupsAsync(list.Where(k => k.ClassGroupId is not null).Select(k => k.ClassGroupId!.Value), cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var town = (await directory.GetCurrentTerritoryAsync(cancellationToken))?.Name ?? string.Empty;
        return key => key switch
        {
            ({ } s, { } c) => $"{classes.GetValueOrDefault(c)} – {schools.GetValueOrDefault(s)}",
            ({ } s, null) => schools.GetValueOrDefault(s) ?? string.Empty,
            _ => town,
        };
    }

    public static string Excerpt(string html)
    {
        var text = RichText.ToPlainText(html);
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }
}
