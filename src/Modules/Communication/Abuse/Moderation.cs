using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;
using Preau.Platform.Outbox;

namespace Preau.Communication.Abuse;

/// <summary>A message held for review, as the reviewer sees it.</summary>
internal sealed record HeldMessage(Guid MessageId, Guid ConversationId, string Subject, string AuthorName, Guid AuthorId, int RecipientCount, DateTime SubmittedAt, string Body);

/// <summary>An open report, as the head sees it.</summary>
internal sealed record OpenReport(Guid ReportId, Guid ConversationId, string Subject, string ReporterName, string AuthorName, Guid AuthorId, string Reason, DateTime ReportedAt, string MessageBody, bool HeadMayOpen);

/// <summary>
/// Recall, reports, review of held mass messages and suspension of sending (issue 4, items 2 and 7).
/// Every decision is written to the safety log in the same transaction.
/// </summary>
internal sealed class Moderation(
    CommunicationDbContext db,
    IStructureDirectory directory,
    IAuthorizationService authorization,
    AudienceCatalog audiences,
    SendMessage send,
    SafetyLog safetyLog,
    Mailbox mailbox,
    OutboxSignal outbox,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    /// <summary>Recalls the author's message if nobody has read it yet; returns an error, or null.</summary>
    public async Task<string?> RecallAsync(Guid authorId, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.AuthorId == authorId, cancellationToken);
        if (message is null || message.Status is MessageStatus.Recalled or MessageStatus.Rejected)
        {
            return localizer["Ce message ne peut pas être rappelé."];
        }

        var isLatest = !await db.Messages.AnyAsync(m => m.ConversationId == message.ConversationId && m.Status == MessageStatus.Sent && m.SentAt > message.SentAt, cancellationToken);
        if (!isLatest || await mailbox.ReadersOfAsync(message.ConversationId, authorId, message.SentAt, cancellationToken) > 0)
        {
            return localizer["Ce message a déjà été lu : il ne peut plus être rappelé."];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var wasDelivered = message.Status == MessageStatus.Sent;
        message.Status = MessageStatus.Recalled;
        var conversation = await db.Conversations.SingleAsync(c => c.Id == message.ConversationId, cancellationToken);
        var previous = await db.Messages.Where(m => m.ConversationId == message.ConversationId && m.Status == MessageStatus.Sent && m.Id != message.Id)
            .OrderByDescending(m => m.SentAt).FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            // Its first message: the conversation leaves every recipient's mailbox.
            await db.ConversationMembers.Where(m => m.ConversationId == conversation.Id && m.AccountId != authorId).ExecuteDeleteAsync(cancellationToken);
        }
        else if (wasDelivered)
        {
            conversation.LastMessageAt = previous.SentAt;
            conversation.LastAuthorId = previous.AuthorId;
            conversation.LastAuthorName = await send.NameOfAsync(previous.AuthorId, cancellationToken);
            conversation.LastMessagePreview = MessageText.Preview(previous.Body);
            var at = previous.SentAt;
            await db.ConversationMembers.Where(m => m.ConversationId == conversation.Id && m.AccountId != authorId && m.LastIncomingAt == message.SentAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastIncomingAt, at), cancellationToken);
        }

        // Its notifications go too, and with them the notices still held by quiet hours.
        var reference = MessagingCategories.ReferenceOf(message.Id);
        await db.Notifications.Where(n => n.Reference == reference).ExecuteDeleteAsync(cancellationToken);
        safetyLog.Record(SafetyAction.MessageRecalled, authorId, "Message rappelé par son auteur avant toute lecture.", authorId, message.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>A recipient reports a message; the head of the school concerned is notified.</summary>
    public async Task<string?> ReportAsync(Guid reporterId, Guid messageId, string? reason, CancellationToken cancellationToken)
    {
        reason = (reason ?? string.Empty).Trim();
        if (reason.Length == 0)
        {
            return localizer["Dites en quelques mots pourquoi vous signalez ce message."];
        }

        if (reason.Length > MessageReport.ReasonMaxLength)
        {
            return localizer["Le motif ne dépasse pas {0} caractères.", MessageReport.ReasonMaxLength];
        }

        var message = await (from m in db.Messages
                             join member in db.ConversationMembers on m.ConversationId equals member.ConversationId
                             where m.Id == messageId && member.AccountId == reporterId && m.Status == MessageStatus.Sent && m.AuthorId != reporterId
                             select m).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return localizer["Ce message ne peut pas être signalé."];
        }

        if (await db.MessageReports.AnyAsync(r => r.MessageId == messageId && r.ReporterId == reporterId, cancellationToken))
        {
            return localizer["Vous avez déjà signalé ce message."];
        }

        var placements = await directory.GetPlacementsAsync([reporterId, message.AuthorId], cancellationToken);
        var school = SchoolOf(placements);
        db.MessageReports.Add(new MessageReport
        {
            MessageId = messageId,
            ConversationId = message.ConversationId,
            ReporterId = reporterId,
            SchoolId = school,
            Reason = reason,
            ReportedAt = clock.GetUtcNow().UtcDateTime,
        });
        var handlers = school is { } s
            ? (await directory.ListStaffOfSchoolAsync(s, Profile.Head, cancellationToken)).Select(h => h.AccountId).ToList()
            : (await directory.ListAccountsWithProfileAsync(Profile.TerritoryAdmin, cancellationToken)).Select(a => a.Id).ToList();
        handlers.Remove(message.AuthorId);
        if (handlers.Count > 0)
        {
            db.Publish(new NotificationRequested(handlers, MessagingCategories.Report, NotificationKind.ActionRequired,
                Text.Fr("Un message a été signalé"), [], "/messages/moderation", SchoolId: school));
        }

        safetyLog.Record(SafetyAction.MessageReported, reporterId, "Message signalé par un destinataire.", message.AuthorId, messageId, school);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The school whose head handles a report: the pupil's school first, else the one both share, else any of theirs.</summary>
    private static Guid? SchoolOf(IReadOnlyList<AccountPlacement> people)
    {
        var pupilSchools = people.SelectMany(p => p.PupilGroups.Values).ToList();
        if (pupilSchools.Count > 0)
        {
            return pupilSchools[0];
        }

        var schoolSets = people.Select(p => p.StaffSchools.Keys.Concat(p.ChildGroups.Values).Concat(p.TaughtGroups.Values).ToHashSet()).ToList();
        var shared = schoolSets.Aggregate((a, b) => a.Intersect(b).ToHashSet());
        return shared.Count > 0 ? shared.First() : schoolSets.SelectMany(s => s).Cast<Guid?>().FirstOrDefault();
    }

    /// <summary>The schools the user moderates (heads: theirs; administrators: every one, and the territory's own queue as null).</summary>
    public async Task<IReadOnlyList<Guid?>> ModeratedScopesAsync(ClaimsPrincipal user, IAccountRelations relations, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(user, cancellationToken);
        if (actor.IsTerritoryAdmin)
        {
            return [null, .. (await directory.ListSchoolsAsync(cancellationToken)).Select(s => (Guid?)s.Id)];
        }

        return actor.SchoolRoles.Where(r => (r.Value & Profile.Head) != Profile.None).Select(r => (Guid?)r.Key).ToList();
    }

    /// <summary>Messages held for review from accounts linked to the moderated schools (or any, for administrators).</summary>
    public async Task<IReadOnlyList<HeldMessage>> HeldAsync(IReadOnlyList<Guid?> scopes, bool everything, CancellationToken cancellationToken)
    {
        var held = await (from m in db.Messages.AsNoTracking()
                          join c in db.Conversations on m.ConversationId equals c.Id
                          where m.Status == MessageStatus.HeldForReview
                          orderby m.SentAt
                          select new { m.Id, m.ConversationId, c.Subject, m.AuthorId, m.RecipientCount, m.SentAt, m.Body }).Take(200).ToListAsync(cancellationToken);
        var placements = (await directory.GetPlacementsAsync(held.Select(h => h.AuthorId), cancellationToken)).ToDictionary(p => p.AccountId);
        var names = (await directory.GetPeopleAsync(held.Select(h => h.AuthorId), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        return held.Where(h => everything || (placements.TryGetValue(h.AuthorId, out var p) && SchoolsOf(p).Any(s => scopes.Contains(s))))
            .Select(h => new HeldMessage(h.Id, h.ConversationId, h.Subject, names.GetValueOrDefault(h.AuthorId, "—"), h.AuthorId, h.RecipientCount, h.SentAt, h.Body))
            .ToList();
    }

    /// <summary>Open reports of the moderated schools.</summary>
    public async Task<IReadOnlyList<OpenReport>> ReportsAsync(IReadOnlyList<Guid?> scopes, CancellationToken cancellationToken)
    {
        var schoolIds = scopes.OfType<Guid>().ToList();
        var includeTerritory = scopes.Contains(null);
        var reports = await (from r in db.MessageReports.AsNoTracking()
                             join m in db.Messages on r.MessageId equals m.Id
                             join c in db.Conversations on r.ConversationId equals c.Id
                             where r.ClosedAt == null && ((r.SchoolId != null && schoolIds.Contains(r.SchoolId.Value)) || (includeTerritory && r.SchoolId == null))
                             orderby r.ReportedAt
                             select new { r.Id, r.ConversationId, c.Subject, r.ReporterId, m.AuthorId, r.Reason, r.ReportedAt, m.Body, c.InvolvesPupil }).Take(200).ToListAsync(cancellationToken);
        var names = (await directory.GetPeopleAsync(reports.SelectMany(r => new[] { r.ReporterId, r.AuthorId }), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        return reports.Select(r => new OpenReport(r.Id, r.ConversationId, r.Subject, names.GetValueOrDefault(r.ReporterId, "—"), names.GetValueOrDefault(r.AuthorId, "—"), r.AuthorId, r.Reason, r.ReportedAt, r.Body, r.InvolvesPupil)).ToList();
    }

    /// <summary>Closes a report the user moderates.</summary>
    public async Task<bool> CloseReportAsync(ClaimsPrincipal user, Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.MessageReports.FirstOrDefaultAsync(r => r.Id == reportId && r.ClosedAt == null, cancellationToken);
        if (report is null || !await authorization.CanAsync(user, new ModerationScope(report.SchoolId), ResourceAuthorization.Manage))
        {
            return false;
        }

        report.ClosedAt = clock.GetUtcNow().UtcDateTime;
        report.ClosedById = user.RequiredAccountId();
        safetyLog.Record(SafetyAction.ReportClosed, report.ClosedById.Value, "Signalement traité.", messageId: report.MessageId, schoolId: report.SchoolId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Releases (delivers now, to the groups as they are now) or rejects a held message.</summary>
    public async Task<bool> ReviewAsync(ClaimsPrincipal user, Guid messageId, bool release, CancellationToken cancellationToken)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.Status == MessageStatus.HeldForReview, cancellationToken);
        if (message is null)
        {
            return false;
        }

        var author = (await directory.GetPlacementsAsync([message.AuthorId], cancellationToken)).SingleOrDefault();
        var schools = author is null ? [] : SchoolsOf(author).ToList();
        var mayReview = false;
        foreach (var scope in schools.Cast<Guid?>().Append(null))
        {
            mayReview |= await authorization.CanAsync(user, new ModerationScope(scope), ResourceAuthorization.Manage);
        }

        if (!mayReview || author is null || author.AccountId == user.RequiredAccountId())
        {
            return false;
        }

        var reviewerId = user.RequiredAccountId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        message.ReviewedById = reviewerId;
        message.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        var conversation = await db.Conversations.SingleAsync(c => c.Id == message.ConversationId, cancellationToken);
        if (release)
        {
            var recipients = new HashSet<Guid>();
            foreach (var token in RecipientToken.ParseAll([message.Audience]))
            {
                recipients.UnionWith((await audiences.ResolveAsync(token, cancellationToken)).AccountIds);
            }

            recipients.Remove(message.AuthorId);
            var existing = await db.ConversationMembers.Where(m => m.ConversationId == conversation.Id).Select(m => m.AccountId).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            message.SentAt = now;
            message.RecipientCount = recipients.Count;
            conversation.LastMessageAt = now;
            conversation.MemberCount = recipients.Count + 1;
            await send.AddMembersAsync(conversation.Id, recipients.Except(existing).ToList(), now, cancellationToken);
            await send.DeliverAsync(conversation, message, recipients.ToList(), cancellationToken, newMembers: false);
            safetyLog.Record(SafetyAction.MessageReleased, reviewerId, $"Envoi à {recipients.Count} destinataires validé.", message.AuthorId, message.Id, schools.Cast<Guid?>().FirstOrDefault());
            db.Publish(new NotificationRequested([message.AuthorId], MessagingCategories.Review, NotificationKind.Information, Text.Fr("Votre message « {0} » a été validé et distribué"), [conversation.Subject], $"/messages/{conversation.Id}"));
        }
        else
        {
            message.Status = MessageStatus.Rejected;
            safetyLog.Record(SafetyAction.MessageRejected, reviewerId, "Envoi massif refusé.", message.AuthorId, message.Id, schools.Cast<Guid?>().FirstOrDefault());
            db.Publish(new NotificationRequested([message.AuthorId], MessagingCategories.Review, NotificationKind.Information, Text.Fr("Votre message « {0} » n’a pas été distribué"), [conversation.Subject], $"/messages/{conversation.Id}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return true;
    }

    /// <summary>Suspends an account's sending at once, or lifts the suspension (logged).</summary>
    public async Task<string?> SetSuspensionAsync(ClaimsPrincipal user, Guid accountId, bool suspend, string? reason, CancellationToken cancellationToken)
    {
        var placement = (await directory.GetPlacementsAsync([accountId], cancellationToken)).SingleOrDefault();
        if (placement is null || !await authorization.CanAsync(user, new SendingAccount(accountId, SchoolsOf(placement).ToHashSet()), ResourceAuthorization.Manage))
        {
            return localizer["Compte introuvable."];
        }

        var actorId = user.RequiredAccountId();
        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.SendingSuspensions.FirstOrDefaultAsync(s => s.AccountId == accountId && s.LiftedAt == null, cancellationToken);
        var school = SchoolsOf(placement).Cast<Guid?>().FirstOrDefault();
        if (suspend)
        {
            reason = (reason ?? string.Empty).Trim();
            if (reason.Length is 0 or > 500)
            {
                return localizer["Indiquez le motif de la suspension (500 caractères au plus)."];
            }

            if (active is null)
            {
                db.SendingSuspensions.Add(new SendingSuspension { AccountId = accountId, SuspendedById = actorId, SuspendedAt = now, Reason = reason });
                safetyLog.Record(SafetyAction.SendingSuspended, actorId, $"Envois suspendus : {reason}", accountId, schoolId: school);
            }
        }
        else if (active is not null)
        {
            active.LiftedAt = now;
            active.LiftedById = actorId;
            safetyLog.Record(SafetyAction.SendingRestored, actorId, "Envois rétablis.", accountId, schoolId: school);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Accounts whose sending is suspended, among those linked to the moderated schools.</summary>
    public async Task<IReadOnlyList<(Guid AccountId, string Name, string Reason, DateTime Since)>> SuspendedAsync(IReadOnlyList<Guid?> scopes, bool everything, CancellationToken cancellationToken)
    {
        var suspensions = await db.SendingSuspensions.AsNoTracking().Where(s => s.LiftedAt == null).OrderByDescending(s => s.SuspendedAt).Take(200).ToListAsync(cancellationToken);
        var placements = (await directory.GetPlacementsAsync(suspensions.Select(s => s.AccountId), cancellationToken)).ToDictionary(p => p.AccountId);
        var names = (await directory.GetPeopleAsync(suspensions.Select(s => s.AccountId), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        return suspensions.Where(s => everything || (placements.TryGetValue(s.AccountId, out var p) && SchoolsOf(p).Any(x => scopes.Contains(x))))
            .Select(s => (s.AccountId, names.GetValueOrDefault(s.AccountId, "—"), s.Reason, s.SuspendedAt)).ToList();
    }

    /// <summary>The schools an account is linked to: where it works, studies, or where its children study.</summary>
    public static IEnumerable<Guid> SchoolsOf(AccountPlacement account) =>
        account.StaffSchools.Keys.Concat(account.PupilGroups.Values).Concat(account.ChildGroups.Values).Concat(account.TaughtGroups.Values).Distinct();
}
