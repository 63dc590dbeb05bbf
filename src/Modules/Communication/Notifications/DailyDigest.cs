using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Jobs;
using Preau.Platform.Localization;
using Preau.Platform.Mail;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.Notifications;

/// <summary>
/// The daily e-mail of those who chose the digest (the default for "for information"): what is unread,
/// and how many conversations wait in the inbox — the daily notice of unread messages (issue 4, item 1).
/// Leaves once a day after the territory's digest time, never during quiet hours. Titles of messages
/// written by or to a pupil carry no content (the notification titles are already written that way).
/// </summary>
internal sealed class DailyDigestJob(IServiceScopeFactory scopes, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "communication.daily-digest";
    private const int BatchSize = 500;

    public string Name => JobName;

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> territories;
        await using (var scope = scopes.CreateAsyncScope())
        {
            territories = await scope.ServiceProvider.GetRequiredService<CommunicationDbContext>().Notifications.IgnoreQueryFilters()
                .Where(n => n.InDigest).Select(n => n.TerritoryId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var territory in territories)
        {
            while (await RunBatchAsync(territory, cancellationToken))
            {
            }
        }
    }

    /// <summary>Sends one batch of digests in a territory; false when none is left for today.</summary>
    private async Task<bool> RunBatchAsync(Guid territoryId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tenant = services.GetRequiredService<TenantContext>();
        tenant.Enter(territoryId);
        var directory = services.GetRequiredService<IStructureDirectory>();
        if (await directory.GetCurrentTerritoryAsync(cancellationToken) is { } info)
        {
            tenant.Enter(territoryId, info.TimeZoneId);
        }

        var db = services.GetRequiredService<CommunicationDbContext>();
        var settings = await services.GetRequiredService<TerritoryRules>().SettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = tenant.Today(clock);
        var sendFrom = tenant.ToUtc(today, settings.DigestAt);
        if (now < sendFrom || !settings.QuietHours.AllowsNow(now, tenant.TimeZone, await directory.GetSchoolCalendarAsync(cancellationToken)))
        {
            return false;
        }

        var recipients = await db.Notifications.Where(n => n.InDigest && n.ReadAt == null
                && !db.DigestRuns.Any(d => d.AccountId == n.RecipientId && d.LastSentAt >= sendFrom))
            .Select(n => n.RecipientId).Distinct().Take(BatchSize).ToListAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            await db.Notifications.Where(n => n.InDigest && n.ReadAt != null).ExecuteUpdateAsync(s => s.SetProperty(n => n.InDigest, false), cancellationToken);
            return false;
        }

        var localizer = services.GetRequiredService<IStringLocalizer>();
        var links = services.GetRequiredService<PublicLinks>();
        var contacts = (await directory.GetContactsAsync(recipients, cancellationToken)).ToDictionary(c => c.AccountId);
        var pending = (await db.Notifications.Where(n => recipients.Contains(n.RecipientId) && n.InDigest).ToListAsync(cancellationToken)).ToLookup(n => n.RecipientId);
        var unreadConversations = await db.ConversationMembers.Where(m => recipients.Contains(m.AccountId) && m.Folder == MailboxFolder.Inbox && m.LastIncomingAt != null && (m.LastReadAt == null || m.LastReadAt < m.LastIncomingAt))
            .GroupBy(m => m.AccountId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var runs = await db.DigestRuns.Where(d => recipients.Contains(d.AccountId)).ToDictionaryAsync(d => d.AccountId, cancellationToken);

        foreach (var accountId in recipients)
        {
            var items = pending[accountId].Where(n => n.ReadAt == null).OrderByDescending(n => n.CreatedAt).ToList();
            foreach (var notification in pending[accountId])
            {
                notification.InDigest = false;
            }

            if (runs.TryGetValue(accountId, out var run))
            {
                run.LastSentAt = now;
            }
            else
            {
                db.DigestRuns.Add(new DigestRun { AccountId = accountId, LastSentAt = now });
            }

            if (items.Count == 0 || !contacts.TryGetValue(accountId, out var contact) || !contact.IsActive || string.IsNullOrEmpty(contact.Email))
            {
                continue;
            }

            using (CultureScope.For(contact.Language))
            {
                var text = new StringBuilder();
                text.Append(localizer["Bonjour {0},", contact.DisplayName].Value).Append("\n\n");
                if (unreadConversations.TryGetValue(accountId, out var unread) && unread > 0)
                {
                    text.Append(localizer["Vous avez {0} conversation(s) non lue(s) dans votre messagerie : {1}", unread, links.Absolute(null, "/messages")].Value).Append("\n\n");
                }

                text.Append(localizer["Nouveautés non lues :"].Value).Append('\n');
                foreach (var item in items.Take(20))
                {
                    text.Append("- ").Append(item.Title).Append(" : ").Append(links.Absolute(null, item.EmailLink ?? item.Link)).Append('\n');
                }

                if (items.Count > 20)
                {
                    text.Append(localizer["… et {0} autre(s) : {1}", items.Count - 20, links.Absolute(null, "/notifications")].Value).Append('\n');
                }

                text.Append('\n').Append(localizer["Vous recevez ce résumé une fois par jour. Vous pouvez le remplacer par un courriel à chaque notification, ou le désactiver : {0}", links.Absolute(null, "/compte/notifications")].Value);
                db.Publish(new EmailRequested(contact.Email, localizer["Préau : votre résumé du jour ({0})", items.Count], text.ToString()));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return recipients.Count == BatchSize;
    }
}
