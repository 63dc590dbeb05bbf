namespace Preau.Platform.Outbox;

/// <summary>
/// Reacts to an event after the transaction that recorded it committed. Runs in its own scope,
/// entered in the event's territory. Delivery is at least once: a handler that fails is retried.
/// </summary>
public interface IOutboxHandler<in TEvent>
{
    /// <summary>Handles one event.</summary>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
