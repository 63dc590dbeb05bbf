using Microsoft.EntityFrameworkCore.Diagnostics;
using Preau.Platform.Data;

namespace Preau.Platform.Outbox;

/// <summary>Wakes this process's outbox worker once a save that published events has succeeded.</summary>
internal sealed class OutboxSaveInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData);
        return result;
    }

    private void Notify(SaveChangesCompletedEventData eventData)
    {
        // Inside an explicit transaction the commit comes later: the worker's poll picks those up.
        if (eventData.Context is ModuleDbContext context && context.TakeOutboxWritten() && context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
    }
}
