using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Notifications;

/// <summary>The latest unread notifications, first on everyone's home page.</summary>
internal sealed class UnreadNotificationsSection(CommunicationDbContext db) : IHomeSection
{
    public int Order => 0;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var accountId = user.RequiredAccountId();
        var unread = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == accountId && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt)
            .Take(5)
            .ToListAsync(cancellationToken);
        return unread.Count == 0 ? null : new HomeSectionView("/Pages/Notifications/_UnreadSection.cshtml", unread);
    }
}
