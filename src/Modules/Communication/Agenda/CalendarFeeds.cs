using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.Agenda;

/// <summary>
/// Calendar feeds: a school's or the territory's public events for everyone, and each person's own
/// events behind a secret address (calendar apps cannot sign in). The secret is 256 random bits,
/// reset by its holder at will; the address reveals the person's events, nothing else.
/// </summary>
internal sealed class CalendarFeeds(CommunicationDbContext db, TenantContext tenant, PublicLinks links, TimeProvider clock)
{
    /// <summary>Feeds hold events from a month ago to a year ahead, at most this many.</summary>
    public const int MaxEvents = 500;

    public async Task<string> TokenOfAsync(Guid accountId, bool reset, CancellationToken cancellationToken)
    {
        var token = await db.CalendarFeedTokens.FirstOrDefaultAsync(t => t.AccountId == accountId, cancellationToken);
        if (token is not null && !reset)
        {
            return token.Token;
        }

        token ??= db.CalendarFeedTokens.Add(new CalendarFeedToken { AccountId = accountId, Token = string.Empty }).Entity;
        token.Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        token.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return token.Token;
    }

    /// <summary>Finds a secret address's holder in any territory (the feed request has no session).</summary>
    public async Task<CalendarFeedToken?> FindAsync(string token, CancellationToken cancellationToken) =>
        token.Length is < 40 or > 64
            ? null
            : await db.CalendarFeedTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Token == token, cancellationToken);

    public async Task<string> PersonalAsync(Reader reader, string name, CancellationToken cancellationToken) =>
        Render(name, await WindowAsync(db.AgendaEvents.AsNoTracking().VisibleTo(reader), cancellationToken));

    public async Task<string> PublicAsync(string name, Guid? schoolId, string slug, CancellationToken cancellationToken)
    {
        var query = db.AgendaEvents.AsNoTracking().Where(e => e.IsPublic);
        query = schoolId is { } id ? query.Where(e => e.SchoolId == id) : query;
        return Render(name, await WindowAsync(query, cancellationToken), e => links.Absolute(null, $"/t/{slug}/agenda/{e.Id}"));
    }

    private async Task<List<AgendaEvent>> WindowAsync(IQueryable<AgendaEvent> query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-31);
        var to = now.AddYears(1);
        return await query.Where(e => e.EndsAt >= from && e.StartsAt <= to).OrderBy(e => e.StartsAt).Take(MaxEvents).ToListAsync(cancellationToken);
    }

    private string Render(string name, IEnumerable<AgendaEvent> events, Func<AgendaEvent, string>? link = null) =>
        AgendaCalendar.Build(name, events, tenant.TimeZone, link ?? (e => links.Absolute(null, $"/agenda/{e.Id}")));
}
