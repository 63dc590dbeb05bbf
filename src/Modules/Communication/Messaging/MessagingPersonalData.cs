using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Platform.Files;
using Preau.Platform.Privacy;

namespace Preau.Communication.Messaging;

/// <summary>
/// What Communication holds about one account (RGPD art. 15, 17, 20): its conversations and the messages
/// in them, drafts, labels, notifications and their settings, devices. On erasure, what others still need
/// stays (a message in someone else's mailbox, its author shown as an unknown account); the rest goes.
/// </summary>
internal sealed class MessagingPersonalData(CommunicationDbContext db, IFileStore store) : IPersonalDataSource
{
    public string Module => CommunicationDbContext.Module;

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var conversations = await (from m in db.ConversationMembers.AsNoTracking()
                                   join c in db.Conversations on m.ConversationId equals c.Id
                                   where m.AccountId == accountId
                                   orderby c.LastMessageAt descending
                                   select new
                                   {
                                       Objet = c.Subject,
                                       Dossier = m.Folder.ToString(),
                                       LuJusquAu = m.LastReadAt,
                                       Messages = db.Messages.Where(x => x.ConversationId == c.Id && (x.Status == MessageStatus.Sent || x.AuthorId == accountId))
                                           .OrderBy(x => x.SentAt)
                                           .Select(x => new { Envoye = x.SentAt, DeMoi = x.AuthorId == accountId, Texte = x.Body, Etat = x.Status.ToString() })
                                           .ToList(),
                                   }).ToListAsync(cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.AuthorId == accountId).Select(d => new { Objet = d.Subject, Texte = d.Body, Modifie = d.UpdatedAt }).ToListAsync(cancellationToken);
        var labels = await db.MailboxLabels.AsNoTracking().Where(l => l.AccountId == accountId).Select(l => l.Name).ToListAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == accountId).OrderByDescending(n => n.CreatedAt)
            .Select(n => new { Titre = n.Title, Lien = n.Link, Recue = n.CreatedAt, Lue = n.ReadAt, Classe = n.Kind.ToString() }).ToListAsync(cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.AccountId == accountId)
            .Select(p => new { Classe = p.Kind.ToString(), Courriel = p.Email.ToString(), p.Push }).ToListAsync(cancellationToken);
        var devices = await db.PushSubscriptions.AsNoTracking().CountAsync(s => s.AccountId == accountId, cancellationToken);
        var reports = await db.MessageReports.AsNoTracking().Where(r => r.ReporterId == accountId).Select(r => new { Motif = r.Reason, Le = r.ReportedAt }).ToListAsync(cancellationToken);
        var suspensions = await db.SendingSuspensions.AsNoTracking().Where(s => s.AccountId == accountId).Select(s => new { Motif = s.Reason, Depuis = s.SuspendedAt, Levee = s.LiftedAt }).ToListAsync(cancellationToken);
        if (conversations.Count == 0 && drafts.Count == 0 && notifications.Count == 0 && preferences.Count == 0 && devices == 0 && reports.Count == 0 && suspensions.Count == 0)
        {
            return null;
        }

        return new
        {
            Conversations = conversations,
            Brouillons = drafts,
            Etiquettes = labels,
            Notifications = notifications,
            PreferencesDeNotification = preferences,
            AppareilsAbonnes = devices,
            Signalements = reports,
            SuspensionsDEnvoi = suspensions,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var files = await db.MessageAttachments.Where(a => a.OwnerId == accountId && a.DraftId != null).ToListAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.MessageAttachments.RemoveRange(files);
            await db.SaveChangesAsync(cancellationToken);
            await db.Drafts.Where(d => d.AuthorId == accountId).ExecuteDeleteAsync(cancellationToken);
            await db.ConversationLabels.Where(l => l.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            await db.MailboxLabels.Where(l => l.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            await db.ConversationMembers.Where(m => m.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            // Others' inbox lists kept the name of its last message's author: they now ask the directory.
            await db.Conversations.Where(c => c.LastAuthorId == accountId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastAuthorName, (string?)null), cancellationToken);
            await db.Notifications.Where(n => n.RecipientId == accountId).ExecuteDeleteAsync(cancellationToken);
            await db.NotificationPreferences.Where(p => p.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            await db.DigestRuns.Where(d => d.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            await db.PushSubscriptions.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            await db.SendingSuspensions.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var file in files)
        {
            await store.DeleteAsync(file.StorageKey, cancellationToken);
        }
    }
}
