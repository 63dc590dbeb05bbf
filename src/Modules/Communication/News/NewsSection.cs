using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.News;

/// <summary>The latest news of the reader's classes, schools and town on their home page (one query over three indexes, plus names).</summary>
internal sealed class NewsSection(CommunicationDbContext db, Readership readership, ListNews list, HomeScopes scopes, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    private const int Count = 3;

    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(user, cancellationToken);
        if (reader.ScopesIn(tenant.RequiredTerritoryId) is { } followed)
        {
            scopes.Follow(followed);
        }

        var latest = await db.News.AsNoTracking().LatestVisibleTo(reader, clock.GetUtcNow().UtcDateTime, Count)
            .Select(n => new { n.Id, n.Title, n.PublishAt, n.ExpiresAt, n.SchoolId, n.ClassGroupId, n.Audience, n.Status })
            .ToListAsync(cancellationToken);
        if (latest.Count == 0)
        {
            return null;
        }

        var origins = await list.OriginsAsync(latest.Select(n => (n.SchoolId, n.ClassGroupId)), cancellationToken);
        var items = latest.Select(n => new NewsSummary(n.Id, n.Title, string.Empty, n.PublishAt, n.ExpiresAt, origins((n.SchoolId, n.ClassGroupId)), n.Audience, n.Status, null)).ToList();
        return new HomeSectionView("/Pages/News/_NewsSection.cshtml", items);
    }
}
