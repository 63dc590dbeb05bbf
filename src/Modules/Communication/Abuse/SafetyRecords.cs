using Preau.Platform.Tenancy;

namespace Preau.Communication.Abuse;

/// <summary>A head's or an administrator's stop on an account's sending (issue 4, item 7: hijacked accounts).</summary>
internal sealed class SendingSuspension : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    public Guid SuspendedById { get; init; }

    public DateTime SuspendedAt { get; init; }

    public required string Reason { get; init; }

    public Guid? LiftedById { get; set; }

    public DateTime? LiftedAt { get; set; }
}

/// <summary>A message reported by one of its recipients; it reaches the head of the school concerned.</summary>
internal sealed class MessageReport : ITerritoryOwned
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid MessageId { get; init; }

    public Guid ConversationId { get; init; }

    public Guid ReporterId { get; init; }

    /// <summary>The school whose head handles it; null: the territory's administrators do.</summary>
    public Guid? SchoolId { get; init; }

    public required string Reason { get; init; }

    public DateTime ReportedAt { get; init; }

    public Guid? ClosedById { get; set; }

    public DateTime? ClosedAt { get; set; }
}

/// <summary>What the safety log records.</summary>
internal enum SafetyAction
{
    /// <summary>Message urgent envoyé pendant les horaires de tranquillité.</summary>
    UrgentMessageSent,

    /// <summary>Envoi massif retenu pour validation.</summary>
    MessageHeld,

    /// <summary>Envoi retenu validé.</summary>
    MessageReleased,

    /// <summary>Envoi retenu refusé.</summary>
    MessageRejected,

    /// <summary>Message rappelé par son auteur.</summary>
    MessageRecalled,

    /// <summary>Message signalé.</summary>
    MessageReported,

    /// <summary>Conversation signalée consultée par la direction.</summary>
    ReportedConversationViewed,

    /// <summary>Signalement traité.</summary>
    ReportClosed,

    /// <summary>Envois d'un compte suspendus.</summary>
    SendingSuspended,

    /// <summary>Envois d'un compte rétablis.</summary>
    SendingRestored,

    /// <summary>Quota horaire atteint.</summary>
    QuotaReached,

    /// <summary>Règles ou réglages de communication changés.</summary>
    RulesChanged,
}

/// <summary>One line of the messaging safety log: who did what, never the content of a message.</summary>
internal sealed class SafetyLogEntry : ITerritoryOwned
{
    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public DateTime At { get; init; }

    public SafetyAction Action { get; init; }

    public Guid ActorId { get; init; }

    /// <summary>The account concerned (suspended, reported, reviewed).</summary>
    public Guid? SubjectAccountId { get; init; }

    public Guid? MessageId { get; init; }

    /// <summary>The school concerned, so its head sees the line.</summary>
    public Guid? SchoolId { get; init; }

    /// <summary>A short French description written by Préau.</summary>
    public required string Summary { get; init; }
}
