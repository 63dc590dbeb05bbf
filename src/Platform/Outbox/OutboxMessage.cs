using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Preau.Platform.Outbox;

/// <summary>
/// An event written in the same transaction as the change it reports, dispatched after the commit
/// by the outbox worker. Each handler runs once per message even when another handler fails and
/// the message is retried (<see cref="HandlersDone"/>).
/// </summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The number of attempts after which a message is set aside as failed.</summary>
    public const int MaxAttempts = 8;

    private OutboxMessage()
    {
        Type = string.Empty;
        Payload = string.Empty;
        HandlersDone = string.Empty;
    }

    internal OutboxMessage(string type, string payload, Guid? territoryId, DateTime? notBefore)
    {
        Type = type;
        Payload = payload;
        TerritoryId = territoryId;
        AvailableAt = notBefore ?? DateTime.MinValue.ToUniversalTime();
        HandlersDone = string.Empty;
    }

    /// <summary>Ordering key.</summary>
    public long Id { get; private set; }

    /// <summary>The event's CLR type name.</summary>
    public string Type { get; private set; }

    /// <summary>The event, in JSON.</summary>
    public string Payload { get; private set; }

    /// <summary>The territory the handlers run in, if any.</summary>
    public Guid? TerritoryId { get; private set; }

    /// <summary>Not dispatched before this instant (quiet hours, retry back-off).</summary>
    public DateTime AvailableAt { get; internal set; }

    /// <summary>When every handler succeeded.</summary>
    public DateTime? ProcessedAt { get; internal set; }

    /// <summary>Set aside after <see cref="MaxAttempts"/>; kept for an operator to look at.</summary>
    public bool Failed { get; internal set; }

    /// <summary>Number of dispatch attempts that did not complete.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The last failure, for operators (no personal data: exception type and message only).</summary>
    public string? LastError { get; internal set; }

    /// <summary>Handlers that already succeeded, separated by ';'.</summary>
    public string HandlersDone { get; internal set; }

    /// <summary>Claimed by a dispatcher until then.</summary>
    public DateTime? LockedUntil { get; internal set; }

    /// <summary>The dispatcher that holds the claim.</summary>
    public Guid? LockedBy { get; internal set; }

    internal static void Configure(EntityTypeBuilder<OutboxMessage> entity, string moduleName)
    {
        entity.ToTable($"{moduleName}_outbox");
        entity.HasKey(m => m.Id);
        entity.Property(m => m.Type).HasMaxLength(300);
        entity.Property(m => m.LastError).HasMaxLength(2000);
        entity.Property(m => m.HandlersDone).HasMaxLength(2000);
        entity.HasIndex(m => new { m.ProcessedAt, m.AvailableAt });
        entity.HasIndex(m => m.LockedBy);
    }
}
