using Preau.Communication.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Notifications;

/// <summary>
/// An in-app notification of one account, written in the recipient's language when created. It shows in
/// the app at once; its e-mail and push notices leave at <see cref="NoticeAt"/> (quiet hours), or in the
/// daily digest, per the recipient's preferences.
/// </summary>
internal sealed class Notification : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid RecipientId { get; init; }

    public required string Category { get; init; }

    public NotificationKind Kind { get; init; }

    public required string Title { get; init; }

    public required string Link { get; init; }

    /// <summary>The e-mail's link when it differs (a signed single-purpose link that works without signing in).</summary>
    public string? EmailLink { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }

    /// <summary>What it is about ("message:…"), so that recalling the item withdraws it.</summary>
    public string? Reference { get; init; }

    /// <summary>An e-mail is due at <see cref="NoticeAt"/> (preference "immediate").</summary>
    public bool EmailDue { get; set; }

    /// <summary>A Web Push notice is due at <see cref="NoticeAt"/>.</summary>
    public bool PushDue { get; set; }

    /// <summary>When notices may leave: at once, or the end of the quiet hours.</summary>
    public DateTime NoticeAt { get; init; }

    /// <summary>Waits for the daily digest (preference "digest").</summary>
    public bool InDigest { get; set; }
}

/// <summary>How a user wants to hear about a class of notifications by e-mail.</summary>
internal enum EmailMode
{
    /// <summary>One e-mail per notification (held during quiet hours).</summary>
    Immediate,

    /// <summary>One e-mail a day listing what is unread.</summary>
    DailyDigest,

    /// <summary>No e-mail: in-app (and push) only.</summary>
    Off,
}

/// <summary>A user's choice for one class of notifications ("action required" or "for information").</summary>
internal sealed class NotificationPreference : ITerritoryOwned
{
    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    public NotificationKind Kind { get; init; }

    public EmailMode Email { get; set; }

    public bool Push { get; set; } = true;

    /// <summary>Without a choice: what asks for action comes at once, the rest in the evening digest.</summary>
    public static EmailMode DefaultEmail(NotificationKind kind) => kind == NotificationKind.ActionRequired ? EmailMode.Immediate : EmailMode.DailyDigest;
}

/// <summary>When an account last received its daily digest.</summary>
internal sealed class DigestRun : ITerritoryOwned
{
    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    public DateTime LastSentAt { get; set; }
}
