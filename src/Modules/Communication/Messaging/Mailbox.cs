using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Identity.Contracts;

namespace Preau.Communication.Messaging;

/// <summary>The views of one account's messages.</summary>
internal enum MailboxView
{
    /// <summary>Boîte de réception.</summary>
    Inbox,

    /// <summary>Envoyés.</summary>
    Sent,

    /// <summary>Archives.</summary>
    Archive,

    /// <summary>Une étiquette.</summary>
    Label,
}

/// <summary>A line of the inbox.</summary>
internal sealed record ConversationSummary(
    Guid Id,
    string Subject,
    string Preview,
    DateTime At,
    bool Unread,
    string LastAuthor,
    string? AudienceLabel,
    ConversationKind Kind);

/// <summary>A page of a folder: newest first, and whether older conversations follow (no total: see <see cref="Mailbox.ListAsync"/>).</summary>
internal sealed record MailboxPage(IReadOnlyList<ConversationSummary> Items, int Page, bool HasNextPage)
{
    /// <summary>The pages known to exist: up to this one, and the next when there is one.</summary>
    public int KnownPages => HasNextPage ? Page + 1 : Page;
}

/// <summary>A message as its reader sees it.</summary>
internal sealed record MessageView(
    Guid Id,
    Guid AuthorId,
    string AuthorName,
    string Body,
    DateTime SentAt,
    MessageStatus Status,
    DateTime? NoticesAt,
    bool Urgent,
    bool AnswerExpected,
    int RecipientCount,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>An attachment link.</summary>
internal sealed record AttachmentView(Guid Id, string FileName, long Size);

/// <summary>Who has read a message, for its author (messages to at most 30 people).</summary>
internal sealed record ReadReceipt(string Name, DateTime? ReadAt);

/// <summary>The read side of messaging: lists and counts straight from the indexed member rows.</summary>
internal sealed class Mailbox(CommunicationDbContext db, IStructureDirectory directory)
{
    public const int PageSize = 25;

    /// <summary>Deeper than any real mailbox (250,000 conversations); keeps a forged page number's offset in range.</summary>
    private const int LastPage = 10_000;

    private static readonly Expression<Func<ConversationMember, Conversation, SummaryRow>> Row =
        (m, c) => new SummaryRow(c.Id, c.Subject, c.LastMessagePreview, c.LastAuthorId, c.LastAuthorName, c.AudienceLabel, c.Kind, m.LastIncomingAt, m.LastSentAt, m.LastReadAt);

    private static readonly Expression<Func<ConversationMember, bool>> InInbox = m => m.Folder == MailboxFolder.Inbox && m.LastIncomingAt != null;

    private static readonly Func<CommunicationDbContext, Guid, int, IAsyncEnumerable<SummaryRow>> InboxPage = EF.CompileAsyncQuery(
        (CommunicationDbContext db, Guid accountId, int skip) => db.ConversationMembers.AsNoTracking()
            .Where(m => m.AccountId == accountId)
            .Where(InInbox)
            .OrderByDescending(m => m.LastIncomingAt)
            .Skip(skip)
            .Take(PageSize + 1)
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, Row));

    private static readonly Func<CommunicationDbContext, Guid, IAsyncEnumerable<MailboxLabel>> LabelsOf = EF.CompileAsyncQuery<CommunicationDbContext, Guid, MailboxLabel>(
        (CommunicationDbContext db, Guid accountId) => db.MailboxLabels.AsNoTracking().Where(l => l.AccountId == accountId).OrderBy(l => l.Name));

    private static readonly Func<CommunicationDbContext, Guid, Task<int>> DraftsOf = EF.CompileAsyncQuery(
        (CommunicationDbContext db, Guid accountId) => db.Drafts.Count(d => d.AuthorId == accountId));

    /// <summary>The account's own labels, by name (the mailbox's side menu).</summary>
    public async Task<IReadOnlyList<MailboxLabel>> LabelsAsync(Guid accountId, CancellationToken cancellationToken) =>
        await LabelsOf(db, accountId).ToListAsync(cancellationToken);

    /// <summary>How many drafts the account has kept.</summary>
    public Task<int> DraftCountAsync(Guid accountId) => DraftsOf(db, accountId);

    /// <summary>One page of a folder, newest first (index: account, folder, last incoming message).</summary>
    public async Task<MailboxPage> ListAsync(Guid accountId, MailboxView view, Guid? labelId, string? search, int page, CancellationToken cancellationToken)
    {
        var members = db.ConversationMembers.AsNoTracking().Where(m => m.AccountId == accountId);
        members = view switch
        {
            MailboxView.Sent => members.Where(m => m.LastSentAt != null),
            MailboxView.Archive => members.Where(m => m.Folder == MailboxFolder.Archive && m.LastIncomingAt != null),
            MailboxView.Label => members.Where(m => db.ConversationLabels.Any(l => l.AccountId == accountId && l.LabelId == labelId && l.ConversationId == m.ConversationId)),
            _ => members.Where(InInbox),
        };

        if (!string.IsNullOrWhiteSpace(search))
        {
            var words = MessageText.ForSearch(search.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5).ToList();
            foreach (var word in words)
            {
                members = members.Where(m => db.Messages.Any(x => x.ConversationId == m.ConversationId && x.Status == MessageStatus.Sent && x.SearchText.Contains(word)));
            }
        }

        // The plain inbox is what families open most: its query is compiled once, not rebuilt per request.
        // No count: one row more than a page says whether a next page exists (counting a 2,000-conversation
        // inbox cost PostgreSQL more than listing 25 of them).
        var plainInbox = view == MailboxView.Inbox && string.IsNullOrWhiteSpace(search);
        var ordered = view == MailboxView.Sent ? members.OrderByDescending(m => m.LastSentAt) : members.OrderByDescending(m => m.LastIncomingAt);
        async Task<List<SummaryRow>> RowsOfPageAsync(int number) => plainInbox
            ? await InboxPage(db, accountId, (number - 1) * PageSize).ToListAsync(cancellationToken)
            : await ordered.Skip((number - 1) * PageSize).Take(PageSize + 1).Join(db.Conversations, m => m.ConversationId, c => c.Id, Row).ToListAsync(cancellationToken);

        page = Math.Clamp(page, 1, LastPage);
        var rows = await RowsOfPageAsync(page);
        if (rows.Count == 0 && page > 1)
        {
            // A page past the end (an old link, a folder emptied meanwhile): the first page rather than nothing.
            page = 1;
            rows = await RowsOfPageAsync(page);
        }

        var hasNextPage = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList(); // in the query's order: the extra row is the oldest
        var unnamed = rows.Where(r => r.LastAuthorName is null).Select(r => r.LastAuthorId).ToList();
        var names = unnamed.Count == 0 ? [] : await NamesAsync(unnamed, cancellationToken);
        var items = rows.Select(r => new ConversationSummary(
                r.Id,
                r.Subject,
                r.LastMessagePreview,
                (view == MailboxView.Sent ? r.LastSentAt : r.LastIncomingAt) ?? r.LastSentAt ?? DateTime.MinValue,
                r.LastIncomingAt is { } incoming && (r.LastReadAt is null || r.LastReadAt < incoming),
                r.LastAuthorName ?? names.GetValueOrDefault(r.LastAuthorId, "—"),
                r.AudienceLabel,
                r.Kind))
            .OrderByDescending(i => i.At)
            .ToList();
        return new MailboxPage(items, page, hasNextPage);
    }

    /// <summary>The messages of a conversation its reader may see: delivered ones, and the reader's own held ones.</summary>
    public async Task<IReadOnlyList<MessageView>> MessagesAsync(Guid conversationId, Guid readerId, CancellationToken cancellationToken)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && (m.Status == MessageStatus.Sent || m.AuthorId == readerId))
            .OrderBy(m => m.SentAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        var ids = messages.Select(m => m.Id).ToList();
        var attachments = (await db.MessageAttachments.AsNoTracking().Where(a => a.MessageId != null && ids.Contains(a.MessageId.Value))
                .Select(a => new { a.MessageId, a.Id, a.FileName, a.Size }).ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId!.Value, a => new AttachmentView(a.Id, a.FileName, a.Size));
        var names = await NamesAsync(messages.Select(m => m.AuthorId), cancellationToken);
        return messages.Select(m => new MessageView(m.Id, m.AuthorId, names.GetValueOrDefault(m.AuthorId, "—"), m.Body, m.SentAt, m.Status, m.NoticesAt, m.Urgent, m.AnswerExpected, m.RecipientCount, attachments[m.Id].ToList())).ToList();
    }

    /// <summary>The other members, by name (hidden from the recipients of a broadcast).</summary>
    public async Task<IReadOnlyList<ReadReceipt>> MembersAsync(Guid conversationId, Guid readerId, CancellationToken cancellationToken)
    {
        var members = await db.ConversationMembers.AsNoTracking().Where(m => m.ConversationId == conversationId && m.AccountId != readerId)
            .Select(m => new { m.AccountId, m.LastReadAt }).Take(SendMessage.MaxDirectMembers * 40).ToListAsync(cancellationToken);
        var names = await NamesAsync(members.Select(m => m.AccountId), cancellationToken);
        return members.Select(m => new ReadReceipt(names.GetValueOrDefault(m.AccountId, "—"), m.LastReadAt)).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>How many members other than the author have read up to a message (for a recall, and for large broadcasts).</summary>
    public Task<int> ReadersOfAsync(Guid conversationId, Guid authorId, DateTime sentAt, CancellationToken cancellationToken) =>
        db.ConversationMembers.CountAsync(m => m.ConversationId == conversationId && m.AccountId != authorId && m.LastReadAt >= sentAt, cancellationToken);

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        (await directory.GetPeopleAsync(ids.Distinct(), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
}

/// <summary>A conversation as a folder lists it, before the last author's name is looked up.</summary>
internal sealed record SummaryRow(
    Guid Id,
    string Subject,
    string LastMessagePreview,
    Guid LastAuthorId,
    string? LastAuthorName,
    string? AudienceLabel,
    ConversationKind Kind,
    DateTime? LastIncomingAt,
    DateTime? LastSentAt,
    DateTime? LastReadAt);
