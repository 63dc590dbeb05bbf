using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Identity.Contracts;
using Preau.Platform.Localization;
using Preau.Platform.Mail;
using Preau.Platform.Outbox;
using Preau.Platform.Web;

namespace Preau.Communication.Notifications;

/// <summary>
/// Turns a <see cref="NotificationRequested"/> into one in-app notification per active recipient, in
/// their language, and an e-mail to those with an address. The in-app rows and the e-mails are written
/// in one transaction (the e-mails leave only if it commits); delivery is at least once.
/// </summary>
internal sealed class DeliverNotification(CommunicationDbContext db, IStructureDirectory directory, IStringLocalizer localizer, PublicLinks links, TimeProvider clock)
    : IOutboxHandler<NotificationRequested>
{
    public async Task HandleAsync(NotificationRequested request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var contacts = await directory.GetContactsAsync(request.RecipientIds, cancellationToken);
        foreach (var contact in contacts.Where(c => c.IsActive))
        {
            using (CultureScope.For(contact.Language))
            {
                var title = localizer[request.TitleTemplate, request.TitleArguments.Cast<object>().ToArray()].Value;
                db.Notifications.Add(new Notification
                {
                    RecipientId = contact.AccountId,
                    Category = request.Category,
                    Kind = request.Kind,
                    Title = title,
                    Link = request.Link,
                    CreatedAt = now,
                });
                if (!string.IsNullOrEmpty(contact.Email))
                {
                    db.Publish(new EmailRequested(
                        contact.Email,
                        localizer["Préau : {0}", title],
                        localizer["Bonjour {0},\n\n{1}\n\nPour le voir : {2}\n\nVous recevez ce message parce que vous avez un compte sur Préau. Vous pouvez choisir les notifications reçues par courriel dans votre compte.", contact.DisplayName, title, links.Absolute(null, request.EmailLink ?? request.Link)]));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
