using Preau.Platform.Tenancy;

namespace Preau.Communication.Messaging;

/// <summary>Whether the members of a conversation see one another.</summary>
internal enum ConversationKind
{
    /// <summary>Between named people, who all see one another and may answer all (within the rules).</summary>
    Direct,

    /// <summary>To a group ("guardians of CM2 B"): recipients see the group's name, not one another, and answer the sender alone.</summary>
    Broadcast,
}

/// <summary>
/// A conversation: a subject and its messages, stored once whatever the number of members. Accounts
/// are shown by name, never by e-mail address. Every member sees every message sent in it.
/// </summary>
internal sealed class Conversation : ITerritoryOwned
{
    public const int SubjectMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public required string Subject { get; set; }

    public ConversationKind Kind { get; init; }

    public Guid StartedById { get; init; }

    public DateTime StartedAt { get; init; }

    /// <summary>What recipients of a broadcast see instead of the list: "Responsables de CM2 B".</summary>
    public string? AudienceLabel { get; set; }

    /// <summary>A private answer to the sender of a broadcast comes from that broadcast.</summary>
    public Guid? ParentConversationId { get; init; }

    /// <summary>Whether a pupil is a member (minors' content stays out of e-mails; heads may see it once reported).</summary>
    public bool InvolvesPupil { get; set; }

    public int MemberCount { get; set; }

    public DateTime LastMessageAt { get; set; }

    public Guid LastAuthorId { get; set; }

    /// <summary>
    /// The last author's name as it was when they wrote, for the inbox list (as an e-mail keeps its sender's
    /// name): the list then asks the directory nothing. Null on conversations written before it was kept.
    /// </summary>
    public string? LastAuthorName { get; set; }

    /// <summary>"Prénom Nom" at most: two names of 100 characters and a space.</summary>
    public const int AuthorNameMaxLength = 201;

    /// <summary>The first words of the last message, for the inbox list.</summary>
    public string LastMessagePreview { get; set; } = string.Empty;
}

/// <summary>Where a conversation sits for one member.</summary>
internal enum MailboxFolder
{
    /// <summary>Boîte de réception.</summary>
    Inbox,

    /// <summary>Archives (a new message brings it back to the inbox).</summary>
    Archive,
}

/// <summary>
/// One member's view of a conversation: one row per recipient, written in bulk when a message goes to a
/// whole school. Read receipts come from <see cref="LastReadAt"/>: a member has read every message sent
/// up to then, so no row per message and recipient is needed.
/// </summary>
internal sealed class ConversationMember : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ConversationId { get; init; }

    public Guid AccountId { get; init; }

    public MailboxFolder Folder { get; set; }

    /// <summary>The last message someone else sent in it (null: nothing received yet, so not in the inbox).</summary>
    public DateTime? LastIncomingAt { get; set; }

    /// <summary>The last message this member sent in it (null: not in "sent").</summary>
    public DateTime? LastSentAt { get; set; }

    public DateTime? LastReadAt { get; set; }

    public bool IsUnread => LastIncomingAt is { } incoming && (LastReadAt is null || LastReadAt < incoming);
}

/// <summary>What became of a message.</summary>
internal enum MessageStatus
{
    /// <summary>Delivered to its recipients.</summary>
    Sent,

    /// <summary>Mass sending from an unusual account: waits for a head's review (issue 4, item 7).</summary>
    HeldForReview,

    /// <summary>Refused at review: never delivered.</summary>
    Rejected,

    /// <summary>Recalled by its author before anyone read it.</summary>
    Recalled,
}

/// <summary>A message: sanitised rich text, stored once.</summary>
internal sealed class Message : ITerritoryOwned
{
    public const int BodyMaxLength = 50_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ConversationId { get; init; }

    public Guid AuthorId { get; init; }

    /// <summary>Sanitised HTML (<see cref="Platform.Text.RichText"/>).</summary>
    public required string Body { get; init; }

    /// <summary>Subject and text, lower-case and without accents, for the search in one's own messages.</summary>
    public required string SearchText { get; init; }

    public DateTime SentAt { get; set; }

    public MessageStatus Status { get; set; }

    /// <summary>The group audiences it was addressed to (tokens, resolved again if it is released after review).</summary>
    public string? Audience { get; set; }

    public int RecipientCount { get; set; }

    /// <summary>When e-mail and push notices may leave (quiet hours), shown to the sender.</summary>
    public DateTime? NoticesAt { get; set; }

    /// <summary>Sent by a head past the quiet hours (logged).</summary>
    public bool Urgent { get; init; }

    /// <summary>The sender expects an answer: the notification is "action required".</summary>
    public bool AnswerExpected { get; init; }

    public Guid? ReviewedById { get; set; }

    public DateTime? ReviewedAt { get; set; }
}

/// <summary>A file attached to a draft, then to the message sent from it.</summary>
internal sealed class MessageAttachment : ITerritoryOwned
{
    public const int MaxPerMessage = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid OwnerId { get; init; }

    public Guid? DraftId { get; set; }

    public Guid? MessageId { get; set; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    public required string StorageKey { get; init; }

    public DateTime UploadedAt { get; init; }
}

/// <summary>A message being written: kept until sent, so nothing typed is ever lost (a failed send keeps it).</summary>
internal sealed class Draft : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AuthorId { get; init; }

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>Recipients as tokens: "account:…", "class-guardians:…" (see <see cref="Audience"/>).</summary>
    public string Recipients { get; set; } = string.Empty;

    /// <summary>Set when the draft answers a conversation.</summary>
    public Guid? ConversationId { get; set; }

    public bool Urgent { get; set; }

    public bool AnswerExpected { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A label an account puts on its conversations ("Sorties", "Cantine").</summary>
internal sealed class MailboxLabel : ITerritoryOwned
{
    public const int NameMaxLength = 40;
    public const int MaxPerAccount = 30;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    public required string Name { get; set; }
}

/// <summary>A label on one member's conversation.</summary>
internal sealed class ConversationLabel : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    public Guid ConversationId { get; init; }

    public Guid LabelId { get; init; }
}
