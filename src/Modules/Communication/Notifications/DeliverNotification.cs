using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.QuietHours;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;
using Preau.Platform.Outbox;

namespace Preau.Communication.Notifications;

/// <summary>Notices (e-mail, Web Push) of notifications that may now leave, published with the quiet hours' delay.</summary>
/// <param name="NotificationIds">The notifications concerned.</param>
internal sealed record NoticesDue(IReadOnlyList<Guid> NotificationIds);

/// <summary>
/// Turns a <see cref="NotificationRequested"/> into one in-app notification per active recipient, in their
/// language: it shows in the app at once (nothing is pushed: the user opens the app), its badge updates
/// live. The e-mail and push notices follow each recipient's preferences per class of notification and
/// wait for the end of the quiet hours (families always, staff if the territory chooses), unless urgent.
/// Everything is written in one transaction; delivery is at least once.
/// </summary>
internal sealed class DeliverNotification(
    CommunicationDbContext db,
    IStructureDirectory directory,
    IStringLocalizer localizer,
    NoticeClock notices,
    LiveBadges badges,
    TimeProvider clock)
    : IOutboxHandler<NotificationRequested>
{
    public async Task HandleAsync(NotificationRequested request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var contacts = (await directory.GetContactsAsync(request.RecipientIds, cancellationToken)).Where(c => c.IsActive).ToList();
        if (contacts.Count == 0)
        {
            return;
        }

        var ids = contacts.Select(c => c.AccountId).ToList();
        var preferences = (await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.AccountId) && p.Kind == request.Kind).ToListAsync(cancellationToken))
            .ToDictionary(p => p.AccountId);
        var withPush = (await db.PushSubscriptions.AsNoTracking().Where(s => ids.Contains(s.AccountId)).Select(s => s.AccountId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var familiesAt = await notices.NextForFamiliesAsync(request.Urgent, cancellationToken);
        var staff = familiesAt > now && !await notices.AppliesToStaffAsync(cancellationToken) ? await StaffOnlyAsync(ids, cancellationToken) : [];

        var created = new List<Guid>();
        foreach (var contact in contacts)
        {
            using (CultureScope.For(contact.Language))
            {
                var preference = preferences.GetValueOrDefault(contact.AccountId);
                var email = preference?.Email ?? NotificationPreference.DefaultEmail(request.Kind);
                var notification = new Notification
                {
                    RecipientId = contact.AccountId,
                    Category = request.Category,
                    Kind = request.Kind,
                    Title = localizer[request.TitleTemplate, request.TitleArguments.Cast<object>().ToArray()].Value,
                    Link = request.Link,
                    EmailLink = request.EmailLink,
                    CreatedAt = now,
                    Reference = request.Reference,
                    EmailDue = email == EmailMode.Immediate && !string.IsNullOrEmpty(contact.Email),
                    InDigest = email == EmailMode.DailyDigest && !string.IsNullOrEmpty(contact.Email),
                    PushDue = (preference?.Push ?? true) && withPush.Contains(contact.AccountId),
                    NoticeAt = staff.Contains(contact.AccountId) ? now : familiesAt,
                };
                db.Notifications.Add(notification);
                if (notification.EmailDue || notification.PushDue)
                {
                    created.Add(notification.Id);
                }
            }
        }

        // Notices leave together, at the end of the quiet hours for those who are held.
        foreach (var group in db.ChangeTracker.Entries<Notification>().Select(e => e.Entity).Where(n => created.Contains(n.Id)).GroupBy(n => n.NoticeAt))
        {
            db.Publish(new NoticesDue(group.Select(n => n.Id).ToList()), group.Key > now ? group.Key : null);
        }

        await db.SaveChangesAsync(cancellationToken);
        await badges.RefreshAsync(ids, cancellationToken);
    }

    /// <summary>Recipients who are staff and not family (a teacher who is also a parent is a family at home).</summary>
    private async Task<HashSet<Guid>> StaffOnlyAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        (await directory.GetPlacementsAsync(ids, cancellationToken))
            .Where(p => (p.Profiles & Profiles.Staff) != Profile.None && (p.Profiles & (Profile.Guardian | Profile.Pupil)) == Profile.None)
            .Select(p => p.AccountId)
            .ToHashSet();
}
