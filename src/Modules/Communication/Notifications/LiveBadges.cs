using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Notifications;

/// <summary>
/// The live badge's hub: the server only tells a user's open pages "something changed"; the page then
/// asks for its counts (GET /api/v1/notifications/badges), so counts are never pushed to the wrong person
/// and pages still work without the connection (the counts are server-rendered).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class NotificationsHub : Hub
{
    public const string Path = "/hubs/notifications";
    public const string ChangedEvent = "changed";
}

/// <summary>The counts of the header's badges.</summary>
/// <param name="Messages">Conversations with something unread.</param>
/// <param name="Notifications">Unread notifications.</param>
internal sealed record BadgeCounts(int Messages, int Notifications);

/// <summary>
/// Counts the badges (two indexed counts in one round trip) and tells open pages when they changed. Where the
/// request has read the version of the reader's account (the home page, decision 0020), the counts are kept
/// under it: a conversation's member row or a notification bumps its account.
/// </summary>
internal sealed class LiveBadges(CommunicationDbContext db, IHubContext<NotificationsHub> hub, VersionsRead versions, IMemoryCache cache)
{
    private const int MessagesKind = 1;
    private const int NotificationsKind = 2;

    // Compiled once: every signed-in page runs it, and EF Core would otherwise rebuild and look up its
    // expression tree on each request.
    private static readonly Func<CommunicationDbContext, Guid, IAsyncEnumerable<KindCount>> Counts = EF.CompileAsyncQuery(
        (CommunicationDbContext db, Guid accountId) => db.ConversationMembers
            .Where(m => m.AccountId == accountId && m.Folder == MailboxFolder.Inbox && m.LastIncomingAt != null && (m.LastReadAt == null || m.LastReadAt < m.LastIncomingAt))
            .Select(m => MessagesKind)
            .Concat(db.Notifications.Where(n => n.RecipientId == accountId && n.ReadAt == null).Select(n => NotificationsKind))
            .GroupBy(kind => kind)
            .Select(g => new KindCount(g.Key, g.Count())));

    private BadgeCounts? _current;

    public async Task<BadgeCounts> CountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Every page shows both badges: one statement (UNION ALL of the two partial-index scans) instead of two.
        var counts = await Counts(db, accountId).ToListAsync(cancellationToken);
        return new BadgeCounts(
            counts.FirstOrDefault(c => c.Kind == MessagesKind)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Kind == NotificationsKind)?.Count ?? 0);
    }

    /// <summary>Signals the users' open pages (through the Redis backplane on several processes).</summary>
    public Task RefreshAsync(IReadOnlyList<Guid> accountIds, CancellationToken cancellationToken) =>
        hub.Clients.Users(accountIds.Select(id => id.ToString()).ToList()).SendAsync(NotificationsHub.ChangedEvent, cancellationToken);

    /// <summary>The counts of the signed-in user, or null for anonymous visitors.</summary>
    public async Task<BadgeCounts?> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.AccountId() is { } id && user.TerritoryId() is not null ? _current ??= await KeptOrCountAsync(id, cancellationToken) : null;

    private async Task<BadgeCounts> KeptOrCountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if (versions.Of(accountId) is not { } version)
        {
            return await CountAsync(accountId, cancellationToken);
        }

        var key = ("badges", accountId, version);
        if (!cache.TryGetValue(key, out BadgeCounts? counts))
        {
            counts = await CountAsync(accountId, cancellationToken);
            cache.Set(key, counts, HomeSnapshots.Lifetime);
        }

        return counts!;
    }
}

/// <summary>One badge's count, as the compiled query returns it.</summary>
internal sealed record KindCount(int Kind, int Count);
