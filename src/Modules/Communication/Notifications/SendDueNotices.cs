using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Notifications.WebPush;
using Preau.Identity.Contracts;
using Preau.Platform.Localization;
using Preau.Platform.Mail;
using Preau.Platform.Outbox;
using Preau.Platform.Web;

namespace Preau.Communication.Notifications;

/// <summary>
/// Sends the notices that are due: an e-mail per notification still unread and not withdrawn (a recalled
/// message or a notification read in the meantime sends nothing), and a Web Push per device. E-mails and
/// pushes are queued in the outbox in the same transaction that marks the notices done.
/// </summary>
internal sealed class SendDueNotices(CommunicationDbContext db, IStructureDirectory directory, IStringLocalizer localizer, PublicLinks links)
    : IOutboxHandler<NoticesDue>
{
    public async Task HandleAsync(NoticesDue due, CancellationToken cancellationToken)
    {
        var ids = due.NotificationIds.ToList();
        var notifications = await db.Notifications.Where(n => ids.Contains(n.Id) && n.ReadAt == null && (n.EmailDue || n.PushDue)).ToListAsync(cancellationToken);
        if (notifications.Count == 0)
        {
            return;
        }

        var contacts = (await directory.GetContactsAsync(notifications.Select(n => n.RecipientId), cancellationToken)).ToDictionary(c => c.AccountId);
        foreach (var notification in notifications)
        {
            if (!contacts.TryGetValue(notification.RecipientId, out var contact) || !contact.IsActive)
            {
                continue;
            }

            if (notification.EmailDue && !string.IsNullOrEmpty(contact.Email))
            {
                using (CultureScope.For(contact.Language))
                {
                    db.Publish(new EmailRequested(
                        contact.Email,
                        localizer["Préau : {0}", notification.Title],
                        localizer["Bonjour {0},\n\n{1}\n\nPour le voir : {2}\n\nVous recevez ce message parce que vous avez un compte sur Préau. Vous pouvez choisir les notifications reçues par courriel dans votre compte.", contact.DisplayName, notification.Title, links.Absolute(null, notification.EmailLink ?? notification.Link)]));
                }
            }

            if (notification.PushDue)
            {
                db.Publish(new PushRequested(notification.RecipientId, notification.Title, $"/notifications/open?id={notification.Id}"));
            }

            notification.EmailDue = false;
            notification.PushDue = false;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
