using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Outbox;

/// <summary>
/// Claims pending outbox messages of every module and runs their handlers. Safe with several
/// processes: a claim is a conditional UPDATE, so two dispatchers never hold the same message.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<OutboxSubscription> subscriptions,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 100;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);
    private readonly ILookup<string, OutboxSubscription> _subscriptions = subscriptions.ToLookup(s => s.EventType);

    /// <summary>Dispatches what is due now in every module; returns how many messages were handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            handled += await DispatchModuleAsync(module, cancellationToken);
        }

        return handled;
    }

    private async Task<int> DispatchModuleAsync(ModuleDatabase module, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        List<OutboxMessage> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var now = clock.GetUtcNow().UtcDateTime;
            var until = now + ClaimDuration;
            var claimed = await db.Outbox
                .Where(m => m.ProcessedAt == null && !m.Failed && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.Id)
                .Take(BatchSize)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until).SetProperty(m => m.LockedBy, claim), cancellationToken);
            if (claimed == 0)
            {
                return 0;
            }

            batch = await db.Outbox.AsNoTracking().Where(m => m.LockedBy == claim && m.ProcessedAt == null).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        }

        foreach (var message in batch)
        {
            await DispatchAsync(module, message, cancellationToken);
        }

        return batch.Count;
    }

    private async Task DispatchAsync(ModuleDatabase module, OutboxMessage message, CancellationToken cancellationToken)
    {
        var done = message.HandlersDone.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        string? error = null;
        foreach (var subscription in _subscriptions[message.Type])
        {
            if (done.Contains(subscription.HandlerName))
            {
                continue;
            }

            try
            {
                await using var handlerScope = scopes.CreateAsyncScope();
                if (message.TerritoryId is { } territory)
                {
                    handlerScope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territory);
                }

                await subscription.Invoke(handlerScope.ServiceProvider, message.Payload, cancellationToken);
                done.Add(subscription.HandlerName);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"{subscription.HandlerName}: {exception.GetType().Name}: {exception.Message}";
                logger.LogWarning(exception, "Outbox handler {Handler} failed for message {Id}", subscription.HandlerName, message.Id);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
        var now = clock.GetUtcNow().UtcDateTime;
        var handlersDone = string.Join(';', done);
        if (error is null)
        {
            await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.HandlersDone, handlersDone).SetProperty(m => m.LockedUntil, (DateTime?)null),
                cancellationToken);
            return;
        }

        var attempts = message.Attempts + 1;
        var failed = attempts >= OutboxMessage.MaxAttempts;
        if (failed)
        {
            logger.LogError("Outbox message {Id} ({Type}) set aside after {Attempts} attempts", message.Id, message.Type, attempts);
        }

        // Exponential back-off: 2 s, 4 s, 8 s … about 4 minutes for the last attempt.
        var retryAt = now + TimeSpan.FromSeconds(Math.Pow(2, attempts));
        var lastError = error.Length > 2000 ? error[..2000] : error;
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.Failed, failed)
                .SetProperty(m => m.AvailableAt, retryAt)
                .SetProperty(m => m.LastError, lastError)
                .SetProperty(m => m.HandlersDone, handlersDone)
                .SetProperty(m => m.LockedUntil, (DateTime?)null),
            cancellationToken);
    }
}
