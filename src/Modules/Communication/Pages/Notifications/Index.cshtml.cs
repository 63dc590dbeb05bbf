using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Notifications;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Notifications;

/// <summary>The account's notifications, newest first; opening one marks it read and follows its link.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class IndexModel(CommunicationDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 30;

    public PageOf<Notification> Notifications { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The class shown: "action" (action required), "information", or every notification.</summary>
    [BindProperty(SupportsGet = true, Name = "classe")]
    public string? Class { get; set; }

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var accountId = User.RequiredAccountId();
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == accountId);
        query = Class switch
        {
            "action" => query.Where(n => n.Kind == NotificationKind.ActionRequired),
            "information" => query.Where(n => n.Kind == NotificationKind.Information),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(n => n.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Notifications = new PageOf<Notification>(items, page, PageSize, total);
    }

    /// <summary>Opens a notification: marks it read, then goes to its item (only the recipient's own).</summary>
    public async Task<IActionResult> OnGetOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == accountId, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(notification.Link) ? notification.Link : "/");
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.RecipientId == accountId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToPage();
    }
}
