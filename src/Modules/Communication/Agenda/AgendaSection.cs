using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.Agenda;

/// <summary>The reader's next events on their home page (one indexed query, plus where they come from).</summary>
internal sealed class AgendaSection(CommunicationDbContext db, Readership readership, ListEvents list, HomeScopes scopes, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    private const int Count = 3;

    public int Order => 30;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(user, cancellationToken);
        if (reader.ScopesIn(tenant.RequiredTerritoryId) is { } followed)
        {
            scopes.Follow(followed);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.AgendaEvents.AsNoTracking().VisibleTo(reader).Where(e => e.EndsAt >= now && e.CancelledAt == null).OrderBy(e => e.StartsAt);
        var next = await list.SummariesAsync(query.Take(Count), cancellationToken);
        return next.Count == 0 ? null : new HomeSectionView("/Pages/Agenda/_AgendaSection.cshtml", next);
    }
}
