using Microsoft.EntityFrameworkCore;
using Preau.Communication.Agenda;
using Preau.Communication.Blogs;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.Communication.Publishing;

/// <summary>What a school's public page shows: only public items, never anything else.</summary>
internal sealed record PublicSchoolPage(
    TerritoryInfo Territory, SchoolInfo School, PageOf<NewsSummary> News, IReadOnlyList<AgendaEvent> Events, IReadOnlyList<ClassGroupInfo> PublicBlogs)
{
    public string BaseUrl => $"/t/{Territory.Slug}/ecoles/{School.Uai}";
}

/// <summary>Reads the public side of a school, in a territory entered from the route.</summary>
internal sealed class PublicSchools(CommunicationDbContext db, IStructureDirectory directory, ListNews news, TimeProvider clock)
{
    public const int NewsPerPage = 10;
    public const int FeedEntries = 20;

    public Task<SchoolInfo?> FindAsync(string uai, CancellationToken cancellationToken) =>
        uai.Length is > 0 and <= 10 ? directory.FindSchoolByUaiAsync(uai, cancellationToken) : Task.FromResult<SchoolInfo?>(null);

    public async Task<PublicSchoolPage> PageAsync(TerritoryInfo territory, SchoolInfo school, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await news.PublicOfSchoolAsync(school.Id, page, NewsPerPage, cancellationToken);
        var events = await db.AgendaEvents.AsNoTracking()
            .Where(e => e.IsPublic && e.SchoolId == school.Id && e.EndsAt >= now && e.CancelledAt == null)
            .OrderBy(e => e.StartsAt).Take(5).ToListAsync(cancellationToken);
        var blogClassIds = await db.ClassBlogs.AsNoTracking().Where(b => b.SchoolId == school.Id && b.Visibility == BlogVisibility.Public)
            .Select(b => b.ClassGroupId).ToListAsync(cancellationToken);
        var blogs = await directory.GetClassGroupsAsync(blogClassIds, cancellationToken);
        return new PublicSchoolPage(territory, school, items, events, blogs);
    }

    public async Task<NewsItem?> PublicNewsAsync(Guid schoolId, Guid newsId, CancellationToken cancellationToken) =>
        await db.News.AsNoTracking().PublicOfSchool(schoolId, clock.GetUtcNow().UtcDateTime).FirstOrDefaultAsync(n => n.Id == newsId, cancellationToken);

    public async Task<IReadOnlyList<NewsItem>> FeedAsync(Guid schoolId, CancellationToken cancellationToken) =>
        await db.News.AsNoTracking().PublicOfSchool(schoolId, clock.GetUtcNow().UtcDateTime)
            .OrderByDescending(n => n.PublishAt).Take(FeedEntries).ToListAsync(cancellationToken);
}
