using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Notifications;

/// <summary>The latest unread notifications, first on everyone's home page.</summary>
internal sealed class UnreadNotificationsSection(CommunicationDbContext db, HomeScopes scopes) : IHomeSection
{
    public int Order => 0;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var accountId = user.RequiredAccountId();
        var unread = await LatestUnread(db, accountId).ToListAsync(cancellationToken);
        scopes.Follow(accountId);
        return unread.Count == 0 ? null : new HomeSectionView("/Pages/Notifications/_UnreadSection.cshtml", unread);
    }

    // The home page's questions are compiled once (decision 0017): building and looking up their LINQ on
    // each request cost more than running them.
    private static readonly Func<CommunicationDbContext, Guid, IAsyncEnumerable<Notification>> LatestUnread = EF.CompileAsyncQuery(
        (CommunicationDbContext db, Guid accountId) => db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == accountId && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt)
            .Take(5));
}
