using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Platform.Web;

namespace Preau.Communication.Agenda;

/// <summary>An event in a list.</summary>
internal sealed record EventSummary(Guid Id, string Title, EventCategory Category, DateTime StartsAt, DateTime EndsAt, string? Location, string Origin, bool HasSlots, bool IsCancelled);

/// <summary>Lists of events: the reader's upcoming (or past) ones, a class's or a school's for the API.</summary>
internal sealed class ListEvents(CommunicationDbContext db, ListNews news, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<PageOf<EventSummary>> ForReaderAsync(Reader reader, bool past, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.AgendaEvents.AsNoTracking().VisibleTo(reader);
        query = past ? query.Where(e => e.EndsAt < now) : query.Where(e => e.EndsAt >= now);
        return await PageAsync(past ? query.OrderByDescending(e => e.StartsAt) : query.OrderBy(e => e.StartsAt), page, PageSize, cancellationToken);
    }

    public async Task<PageOf<EventSummary>> PageAsync(IOrderedQueryable<AgendaEvent> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        return new PageOf<EventSummary>(await SummariesAsync(query.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken), page, pageSize, total);
    }

    /// <summary>The events of an ordered and bounded query, with where they come from (no count: the home's next events).</summary>
    public async Task<IReadOnlyList<EventSummary>> SummariesAsync(IQueryable<AgendaEvent> bounded, CancellationToken cancellationToken)
    {
        var rows = await bounded
            .Select(e => new { e.Id, e.Title, e.Category, e.StartsAt, e.EndsAt, e.Location, e.SchoolId, e.ClassGroupId, e.CancelledAt })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        // Asked apart, for the page's events only: as an EXISTS in the query above, PostgreSQL's generic plan
        // (docs/decisions/0018) hashes every slot of the territory before the LIMIT applies.
        var ids = rows.Select(r => r.Id).ToList();
        var withSlots = (await db.EventSlots.Where(s => ids.Contains(s.EventId)).Select(s => s.EventId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var origins = await news.OriginsAsync(rows.Select(r => (r.SchoolId, r.ClassGroupId)), cancellationToken);
        return rows.Select(r => new EventSummary(r.Id, r.Title, r.Category, r.StartsAt, r.EndsAt, r.Location, origins((r.SchoolId, r.ClassGroupId)), withSlots.Contains(r.Id), r.CancelledAt is not null)).ToList();
    }

    public static string CategoryLabel(EventCategory category) => category switch
    {
        EventCategory.SchoolOuting => Platform.Localization.Text.Fr("Sortie scolaire"),
        EventCategory.ParentMeeting => Platform.Localization.Text.Fr("Réunion ou rendez-vous avec les familles"),
        EventCategory.SchoolCouncil => Platform.Localization.Text.Fr("Conseil d’école"),
        EventCategory.AfterSchool => Platform.Localization.Text.Fr("Périscolaire"),
        EventCategory.TownEvent => Platform.Localization.Text.Fr("Événement de la ville"),
        _ => Platform.Localization.Text.Fr("Autre"),
    };
}
