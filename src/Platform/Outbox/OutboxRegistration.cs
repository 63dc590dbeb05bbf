using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.Platform.Outbox;

/// <summary>One handler of one event type, as the dispatcher sees it.</summary>
/// <param name="EventType">The event's CLR type name.</param>
/// <param name="HandlerName">The handler's CLR type name (recorded once it succeeded).</param>
/// <param name="Invoke">Deserialises the payload and runs the handler.</param>
public sealed record OutboxSubscription(string EventType, string HandlerName, Func<IServiceProvider, string, CancellationToken, Task> Invoke);

/// <summary>Registration of outbox handlers.</summary>
public static class OutboxRegistration
{
    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddOutboxHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IOutboxHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new OutboxSubscription(
            typeof(TEvent).FullName!,
            typeof(THandler).FullName!,
            (provider, payload, ct) =>
            {
                var domainEvent = JsonSerializer.Deserialize<TEvent>(payload, OutboxMessage.JsonOptions)
                    ?? throw new InvalidOperationException($"Empty payload for {typeof(TEvent).Name}.");
                return provider.GetRequiredService<THandler>().HandleAsync(domainEvent, ct);
            }));
        return services;
    }
}
