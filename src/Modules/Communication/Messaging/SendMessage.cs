using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Abuse;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.QuietHours;
using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;
using Preau.Platform.Outbox;
using Preau.Platform.Tenancy;
using Preau.Platform.Text;

namespace Preau.Communication.Messaging;

/// <summary>A new message, as the compose page and the API send it.</summary>
/// <param name="Subject">Subject.</param>
/// <param name="Body">Rich text (sanitised here).</param>
/// <param name="Recipients">People and groups.</param>
/// <param name="Urgent">A head's urgent message, past the quiet hours.</param>
/// <param name="AnswerExpected">The notification asks for an answer.</param>
/// <param name="DraftId">The draft it is sent from (its attachments follow; it is deleted once sent).</param>
internal sealed record NewMessage(string? Subject, string? Body, IReadOnlyList<RecipientToken> Recipients, bool Urgent = false, bool AnswerExpected = false, Guid? DraftId = null);

/// <summary>An answer in a conversation, to all its members or to the sender alone.</summary>
/// <param name="ConversationId">The conversation answered.</param>
/// <param name="Body">Rich text.</param>
/// <param name="ToAll">Answer every member (within the rules) rather than the sender alone.</param>
/// <param name="AnswerExpected">The notification asks for an answer.</param>
/// <param name="DraftId">The draft it is sent from.</param>
internal sealed record Reply(Guid ConversationId, string? Body, bool ToAll, bool AnswerExpected = false, Guid? DraftId = null);

/// <summary>What became of a send: errors per field (already translated), or where the message went.</summary>
internal sealed record SendOutcome(
    IReadOnlyList<KeyValuePair<string, string>> Errors,
    Guid? ConversationId = null,
    Guid? MessageId = null,
    MessageStatus Status = MessageStatus.Sent,
    int RecipientCount = 0,
    DateTime? NoticesAt = null,
    bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static SendOutcome Failed(string field, string error) => new([new(field, error)]);
}

/// <summary>
/// Sends messages (the compose page, the answer form and the API call these same methods, so the same
/// rules apply everywhere). A message is stored once; one member row per recipient is written in the
/// same transaction; notifications leave through the outbox after the commit.
/// </summary>
internal sealed class SendMessage(
    CommunicationDbContext db,
    IStructureDirectory directory,
    AudienceCatalog audiences,
    RecipientFinder finder,
    SendingGuard guard,
    SafetyLog safetyLog,
    NoticeClock notices,
    TerritoryRules rules,
    RichText richText,
    IStringLocalizer localizer,
    OutboxSignal outbox,
    TenantContext tenant,
    TimeProvider clock)
{
    public const int MaxRecipientTokens = 100;

    /// <summary>From this many recipients, member rows are inserted in one statement on PostgreSQL.</summary>
    private const int BulkInsertFrom = 100;

    /// <summary>Conversations with more named people than this become broadcasts (nobody sees the list).</summary>
    public const int MaxDirectMembers = 30;

    public async Task<SendOutcome> StartAsync(Guid senderId, NewMessage request, CancellationToken cancellationToken)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var subject = (request.Subject ?? string.Empty).Trim();
        if (subject.Length == 0)
        {
            errors.Add(new("Subject", localizer["Indiquez l’objet du message."]));
        }
        else if (subject.Length > Conversation.SubjectMaxLength)
        {
            errors.Add(new("Subject", localizer["L’objet ne dépasse pas {0} caractères.", Conversation.SubjectMaxLength]));
        }

        var body = CheckBody(request.Body, errors);
        if (request.Recipients.Count == 0)
        {
            errors.Add(new("Recipients", localizer["Choisissez au moins un destinataire."]));
        }
        else if (request.Recipients.Count > MaxRecipientTokens)
        {
            errors.Add(new("Recipients", localizer["Choisissez au plus {0} destinataires ; pour plus, écrivez à un groupe.", MaxRecipientTokens]));
        }

        var sender = (await directory.GetPlacementsAsync([senderId], cancellationToken)).SingleOrDefault();
        if (sender is null || !sender.IsActive)
        {
            return SendOutcome.Failed(string.Empty, localizer["Votre compte ne peut pas envoyer de message."]);
        }

        if (request.Urgent && (sender.Profiles & Profile.Head) == Profile.None)
        {
            errors.Add(new("Urgent", localizer["Seule la direction d’une école peut envoyer un message urgent."]));
        }

        if (errors.Count > 0)
        {
            return new SendOutcome(errors);
        }

        var refusal = await guard.RefusalAsync(senderId, sender.Profiles, cancellationToken);
        if (refusal is not null)
        {
            return SendOutcome.Failed(string.Empty, refusal);
        }

        var resolved = await ResolveAsync(sender, request.Recipients, cancellationToken);
        if (resolved.Error is not null)
        {
            return SendOutcome.Failed("Recipients", resolved.Error);
        }

        var recipients = resolved.AccountIds.Where(id => id != senderId).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return SendOutcome.Failed("Recipients", localizer["Le groupe choisi ne compte encore personne : le message n’a pas été envoyé."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isBroadcast = request.Recipients.Any(r => !r.IsAccount) || recipients.Count > MaxDirectMembers;
        var conversation = new Conversation
        {
            Subject = subject,
            Kind = isBroadcast ? ConversationKind.Broadcast : ConversationKind.Direct,
            StartedById = senderId,
            StartedAt = now,
            AudienceLabel = resolved.Labels.Count > 0 ? string.Join(", ", resolved.Labels) : null,
            InvolvesPupil = resolved.HasPupils || (sender.Profiles & Profile.Pupil) != Profile.None,
            MemberCount = recipients.Count + 1,
            LastMessageAt = now,
            LastAuthorId = senderId,
            LastAuthorName = await NameOfAsync(senderId, cancellationToken),
            LastMessagePreview = MessageText.Preview(body),
        };
        var held = await guard.MustHoldAsync(senderId, recipients.Count, cancellationToken);
        // The member rows of a large audience are written with one statement: all commits together, or nothing.
        await using var transaction = await BeginUnlessInOneAsync(cancellationToken);
        var message = NewMessageRow(conversation.Id, senderId, subject, body, now, request.Urgent, request.AnswerExpected);
        message.RecipientCount = recipients.Count;
        message.Audience = string.Join(' ', request.Recipients);
        db.Conversations.Add(conversation);
        db.Messages.Add(message);
        db.ConversationMembers.Add(new ConversationMember { ConversationId = conversation.Id, AccountId = senderId, LastSentAt = now, LastReadAt = now });
        await AttachDraftAsync(senderId, request.DraftId, message.Id, cancellationToken);

        if (held)
        {
            message.Status = MessageStatus.HeldForReview;
            await HoldForReviewAsync(sender, message, recipients.Count, cancellationToken);
        }
        else
        {
            await DeliverAsync(conversation, message, recipients, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return new SendOutcome([], conversation.Id, message.Id, message.Status, recipients.Count, message.NoticesAt);
    }

    public async Task<SendOutcome> ReplyAsync(Guid senderId, Reply request, CancellationToken cancellationToken)
    {
        var member = await db.ConversationMembers.AsNoTracking().FirstOrDefaultAsync(m => m.ConversationId == request.ConversationId && m.AccountId == senderId, cancellationToken);
        var conversation = member is null ? null : await db.Conversations.FirstOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return new SendOutcome([], NotFound: true);
        }

        var errors = new List<KeyValuePair<string, string>>();
        var body = CheckBody(request.Body, errors);
        if (errors.Count > 0)
        {
            return new SendOutcome(errors);
        }

        var sender = (await directory.GetPlacementsAsync([senderId], cancellationToken)).Single();
        var refusal = await guard.RefusalAsync(senderId, sender.Profiles, cancellationToken);
        if (refusal is not null)
        {
            return SendOutcome.Failed(string.Empty, refusal);
        }

        var target = await ReplyTargetAsync(sender, conversation, request.ToAll, cancellationToken);
        if (target.Error is not null)
        {
            return SendOutcome.Failed("ToAll", target.Error);
        }

        // Bulk updates of the members and the new rows commit together, or not at all.
        await using var transaction = await BeginUnlessInOneAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var into = target.Conversation ?? NewPrivateAnswer(conversation, senderId, target.PrivateTo!.Value, now);
        var message = NewMessageRow(into.Id, senderId, into.Subject, body, now, urgent: false, request.AnswerExpected);
        db.Messages.Add(message);
        await AttachDraftAsync(senderId, request.DraftId, message.Id, cancellationToken);
        var recipients = await db.ConversationMembers.Where(m => m.ConversationId == into.Id && m.AccountId != senderId).Select(m => m.AccountId).ToListAsync(cancellationToken);
        if (target.Conversation is null)
        {
            recipients = [target.PrivateTo!.Value];
            db.ConversationMembers.Add(new ConversationMember { ConversationId = into.Id, AccountId = senderId, LastSentAt = now, LastReadAt = now });
        }
        else
        {
            await db.ConversationMembers.Where(m => m.ConversationId == into.Id && m.AccountId == senderId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastSentAt, now).SetProperty(m => m.LastReadAt, now), cancellationToken);
        }

        message.RecipientCount = recipients.Count;
        into.LastMessageAt = now;
        into.LastAuthorId = senderId;
        into.LastAuthorName = await NameOfAsync(senderId, cancellationToken);
        into.LastMessagePreview = MessageText.Preview(body);
        await DeliverAsync(into, message, recipients, cancellationToken, newMembers: target.Conversation is null);
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return new SendOutcome([], into.Id, message.Id, MessageStatus.Sent, recipients.Count, message.NoticesAt);
    }

    /// <summary>An author's name as the inbox list shows it (kept on the conversation).</summary>
    internal async Task<string?> NameOfAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await directory.GetPeopleAsync([accountId], cancellationToken)).SingleOrDefault()?.DisplayName;

    /// <summary>
    /// Where an answer goes. In a conversation of two, to it. "Answer all" in a direct conversation, only if
    /// the rules let the sender write to every other member (reply-all limited by the rules). Otherwise, and
    /// always for a broadcast's recipients, a private conversation with its author, which the author chose.
    /// </summary>
    private async Task<(Conversation? Conversation, Guid? PrivateTo, string? Error)> ReplyTargetAsync(AccountPlacement sender, Conversation conversation, bool toAll, CancellationToken cancellationToken)
    {
        var isStarter = conversation.StartedById == sender.AccountId;
        if (conversation.MemberCount <= 2 || (isStarter && conversation.Kind == ConversationKind.Broadcast))
        {
            return (conversation, null, null);
        }

        if (toAll && conversation.Kind == ConversationKind.Direct)
        {
            var others = await db.ConversationMembers.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.AccountId != sender.AccountId).Select(m => m.AccountId).ToListAsync(cancellationToken);
            var allowed = await finder.FilterAsync(sender, others, cancellationToken);
            return allowed.Count == others.Count
                ? (conversation, null, null)
                : (null, null, localizer["Les règles de communication ne vous permettent pas de répondre à tous : répondez à l’expéditeur seul."]);
        }

        var author = isStarter ? conversation.LastAuthorId : conversation.StartedById;
        if (author == sender.AccountId)
        {
            return (null, null, localizer["Choisissez à qui répondre."]);
        }

        var existing = await (from c in db.Conversations
                              join m in db.ConversationMembers on c.Id equals m.ConversationId
                              where c.ParentConversationId == conversation.Id && c.StartedById == sender.AccountId && m.AccountId == author
                              select c).FirstOrDefaultAsync(cancellationToken);
        return existing is not null ? (existing, null, null) : (null, author, null);
    }

    private Conversation NewPrivateAnswer(Conversation parent, Guid senderId, Guid to, DateTime now)
    {
        var prefix = localizer["RE : "].Value;
        var subject = parent.Subject.StartsWith(prefix, StringComparison.Ordinal) ? parent.Subject : prefix + parent.Subject;
        var conversation = new Conversation
        {
            Subject = subject.Length > Conversation.SubjectMaxLength ? subject[..Conversation.SubjectMaxLength] : subject,
            Kind = ConversationKind.Direct,
            StartedById = senderId,
            StartedAt = now,
            ParentConversationId = parent.Id,
            InvolvesPupil = parent.InvolvesPupil,
            MemberCount = 2,
            LastMessageAt = now,
            LastAuthorId = senderId,
        };
        db.Conversations.Add(conversation);
        return conversation;
    }

    /// <summary>
    /// Delivers a message: member rows for new recipients (one per recipient, in bulk), the inbox of the
    /// others brought up to date with one statement, and one notification request for all of them.
    /// </summary>
    internal async Task DeliverAsync(Conversation conversation, Message message, IReadOnlyList<Guid> recipients, CancellationToken cancellationToken, bool newMembers = true)
    {
        var now = message.SentAt;
        var isNew = db.Entry(conversation).State == EntityState.Added;
        if (isNew && newMembers)
        {
            await AddMembersAsync(conversation.Id, recipients, now, cancellationToken);
        }
        else if (!isNew)
        {
            await db.ConversationMembers.Where(m => m.ConversationId == conversation.Id && m.AccountId != message.AuthorId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastIncomingAt, now).SetProperty(m => m.Folder, MailboxFolder.Inbox), cancellationToken);
        }

        message.Status = MessageStatus.Sent;
        message.NoticesAt = await notices.NextForFamiliesAsync(message.Urgent, cancellationToken);
        var author = (await directory.GetPeopleAsync([message.AuthorId], cancellationToken)).Single();
        var settings = await rules.SettingsAsync(cancellationToken);
        // CNIL: no content of a minor's messages in e-mails, unless the territory allows it.
        var quoteSubject = !conversation.InvolvesPupil || settings.MinorsContentInEmails;
        db.Publish(new NotificationRequested(
            recipients,
            MessagingCategories.Message,
            message.AnswerExpected ? NotificationKind.ActionRequired : NotificationKind.Information,
            quoteSubject ? Text.Fr("Nouveau message de {0} : {1}") : Text.Fr("Nouveau message de {0}"),
            quoteSubject ? [author.DisplayName, conversation.Subject] : [author.DisplayName],
            $"/messages/{conversation.Id}",
            Urgent: message.Urgent,
            Reference: MessagingCategories.ReferenceOf(message.Id)));
        if (message.Urgent)
        {
            safetyLog.Record(SafetyAction.UrgentMessageSent, message.AuthorId, $"Message urgent envoyé à {recipients.Count} destinataire(s), hors horaires de tranquillité.", messageId: message.Id);
        }
    }

    /// <summary>A transaction of its own, unless the caller already holds one (then the caller commits).</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginUnlessInOneAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            // Inside an explicit transaction the save did not wake the outbox worker: the commit does.
            outbox.Notify();
        }
    }

    /// <summary>
    /// One inbox row per recipient. On PostgreSQL a large audience is inserted by one set-based statement
    /// (a whole school's families in one round trip); the caller holds the transaction.
    /// </summary>
    internal async Task AddMembersAsync(Guid conversationId, IReadOnlyCollection<Guid> accountIds, DateTime at, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite() || accountIds.Count < BulkInsertFrom)
        {
            db.ConversationMembers.AddRange(accountIds.Select(id => new ConversationMember { ConversationId = conversationId, AccountId = id, Folder = MailboxFolder.Inbox, LastIncomingAt = at }));
            return;
        }

        var ids = accountIds.Select(_ => Guid.CreateVersion7()).ToArray();
        var accounts = accountIds.ToArray();
        var territoryId = tenant.RequiredTerritoryId;
        // The module's schema and table (MessagingModel); values are parameters, arrays unnested server-side.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO communication.messaging_members ("Id", "TerritoryId", "ConversationId", "AccountId", "Folder", "LastIncomingAt")
            SELECT m.id, {territoryId}, {conversationId}, m.account, 'Inbox', {at} FROM unnest({ids}, {accounts}) AS m(id, account)
            """,
            cancellationToken);
    }

    private async Task HoldForReviewAsync(AccountPlacement sender, Message message, int recipientCount, CancellationToken cancellationToken)
    {
        var schools = sender.StaffSchools.Keys.Concat(sender.PupilGroups.Values).Concat(sender.ChildGroups.Values).Distinct().ToList();
        var reviewers = new HashSet<Guid>();
        foreach (var school in schools)
        {
            reviewers.UnionWith((await directory.ListStaffOfSchoolAsync(school, Profile.Head, cancellationToken)).Select(h => h.AccountId));
        }

        reviewers.Remove(sender.AccountId);
        if (reviewers.Count == 0)
        {
            reviewers.UnionWith((await directory.ListAccountsWithProfileAsync(Profile.TerritoryAdmin, cancellationToken)).Select(a => a.Id));
        }

        var author = (await directory.GetPeopleAsync([sender.AccountId], cancellationToken)).Single();
        safetyLog.Record(SafetyAction.MessageHeld, sender.AccountId, $"Envoi à {recipientCount} destinataires retenu : le compte n’envoie pas d’habitude à autant de personnes.", sender.AccountId, message.Id, schools.FirstOrDefault() is var s && s != Guid.Empty ? s : null);
        if (reviewers.Count > 0)
        {
            db.Publish(new NotificationRequested(
                reviewers.ToList(),
                MessagingCategories.Review,
                NotificationKind.ActionRequired,
                Text.Fr("Un envoi de {0} à {1} destinataires attend votre validation"),
                [author.DisplayName, recipientCount.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                "/messages/moderation",
                Reference: MessagingCategories.ReferenceOf(message.Id)));
        }
    }

    private async Task<(IReadOnlyList<Guid> AccountIds, IReadOnlyList<string> Labels, bool HasPupils, string? Error)> ResolveAsync(AccountPlacement sender, IReadOnlyList<RecipientToken> tokens, CancellationToken cancellationToken)
    {
        var accountIds = new HashSet<Guid>();
        var labels = new List<string>();
        var hasPupils = false;
        var people = tokens.Where(t => t.IsAccount).Select(t => t.Id).ToList();
        if (people.Count > 0)
        {
            var allowed = await finder.FilterAsync(sender, people, cancellationToken);
            if (allowed.Count != people.Distinct().Count(id => id != sender.AccountId) || people.Contains(sender.AccountId))
            {
                // A forged or outdated id: never say who it is, only that it is not allowed.
                return ([], [], false, localizer["Un des destinataires choisis ne fait pas partie des personnes à qui vous pouvez écrire."]);
            }

            accountIds.UnionWith(people);
            hasPupils = allowed.Any(a => a.Roles.Contains(RecipientFinder.RoleName(Profile.Pupil)));
        }

        var groups = tokens.Where(t => !t.IsAccount).ToList();
        if (groups.Count > 0)
        {
            var offered = (await audiences.OfferedToAsync(sender, null, cancellationToken)).ToDictionary(o => o.Token);
            foreach (var group in groups)
            {
                if (!offered.TryGetValue(group, out var audience) && group.Kind is AudienceKind.SchoolFamilies or AudienceKind.SchoolTeachers or AudienceKind.SchoolAfterSchool)
                {
                    audience = (await audiences.OfferedToAsync(sender, group.Id, cancellationToken)).FirstOrDefault(o => o.Token == group);
                }

                if (audience is null)
                {
                    return ([], [], false, localizer["Un des groupes choisis ne fait pas partie de ceux à qui vous pouvez écrire."]);
                }

                var (members, pupils) = await audiences.ResolveAsync(group, cancellationToken);
                accountIds.UnionWith(members);
                hasPupils |= pupils && members.Count > 0;
                labels.Add(audience.FrenchLabel);
            }
        }

        return (accountIds.ToList(), labels, hasPupils, null);
    }

    private string CheckBody(string? html, List<KeyValuePair<string, string>> errors)
    {
        if (html is { Length: > RichText.MaxLength })
        {
            errors.Add(new("Body", localizer["Le message est trop long : {0} caractères au plus.", Message.BodyMaxLength]));
            return string.Empty;
        }

        var body = richText.Sanitize(html);
        var plainLength = RichText.ToPlainText(body).Length;
        if (plainLength == 0 && !body.Contains("<img", StringComparison.Ordinal))
        {
            errors.Add(new("Body", localizer["Écrivez votre message."]));
        }
        else if (body.Length > Message.BodyMaxLength * 2 || plainLength > Message.BodyMaxLength)
        {
            errors.Add(new("Body", localizer["Le message est trop long : {0} caractères au plus.", Message.BodyMaxLength]));
        }

        return body;
    }

    private static Message NewMessageRow(Guid conversationId, Guid authorId, string subject, string body, DateTime now, bool urgent, bool answerExpected) => new()
    {
        ConversationId = conversationId,
        AuthorId = authorId,
        Body = body,
        SearchText = MessageText.ForSearch(subject + " " + RichText.ToPlainText(body)),
        SentAt = now,
        Urgent = urgent,
        AnswerExpected = answerExpected,
    };

    private async Task AttachDraftAsync(Guid senderId, Guid? draftId, Guid messageId, CancellationToken cancellationToken)
    {
        if (draftId is not { } id)
        {
            return;
        }

        // Tracked changes, saved with the message: a failed send leaves the draft and its files as they were.
        foreach (var attachment in await db.MessageAttachments.Where(a => a.DraftId == id && a.OwnerId == senderId).ToListAsync(cancellationToken))
        {
            attachment.MessageId = messageId;
            attachment.DraftId = null;
        }

        if (await db.Drafts.FirstOrDefaultAsync(d => d.Id == id && d.AuthorId == senderId, cancellationToken) is { } draft)
        {
            db.Drafts.Remove(draft);
        }
    }
}

/// <summary>Notification categories and references of messaging.</summary>
internal static class MessagingCategories
{
    public const string Message = "communication.message";
    public const string Review = "communication.review";
    public const string Report = "communication.report";

    public static string ReferenceOf(Guid messageId) => $"message:{messageId}";
}
