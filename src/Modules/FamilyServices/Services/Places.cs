using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;

namespace Preau.FamilyServices.Services;

/// <summary>
/// The places of a service with a capacity. A place is taken by a conditional UPDATE of the service's
/// counter (<c>… SET PlacesTaken = PlacesTaken + 1 WHERE Id = @id AND PlacesTaken &lt; Capacity</c>): the
/// database checks and increments in one statement, under the row's lock, so simultaneous registrations
/// can never take more places than there are (PostgreSQL re-checks the condition once the lock is free;
/// SQLite runs one writer at a time). Callers run it inside the transaction that saves the registration.
/// </summary>
internal sealed class Places(FamilyServicesDbContext db, TimeProvider clock)
{
    /// <summary>Takes a place; false when the service is full.</summary>
    public async Task<bool> TryTakeAsync(Guid serviceId, CancellationToken cancellationToken) =>
        await db.Services
            .Where(s => s.Id == serviceId && (s.Capacity == null || s.PlacesTaken < s.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken + 1), cancellationToken) == 1;

    /// <summary>Gives a place back.</summary>
    public Task ReleaseAsync(Guid serviceId, CancellationToken cancellationToken) =>
        db.Services
            .Where(s => s.Id == serviceId && s.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken - 1), cancellationToken);

    /// <summary>
    /// Serves the waiting list in its order while places are free (after a release or a larger capacity);
    /// returns the registrations that moved up (tracked: saved by the caller), never <paramref name="except"/>.
    /// </summary>
    public async Task<IReadOnlyList<Registration>> ServeWaitingListAsync(Service service, Guid? except, CancellationToken cancellationToken)
    {
        var promoted = new List<Registration>();
        var now = clock.GetUtcNow().UtcDateTime;
        while (true)
        {
            var skipped = promoted.Select(r => r.Id).Append(except ?? Guid.Empty).ToList();
            var next = await db.Registrations
                .Where(r => r.ServiceId == service.Id && r.Status == RegistrationStatus.WaitingList && !skipped.Contains(r.Id))
                .OrderBy(r => r.QueuedAt).ThenBy(r => r.SubmittedAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null || !await TryTakeAsync(service.Id, cancellationToken))
            {
                return promoted;
            }

            next.Promote(service.RequiresApproval, now);
            promoted.Add(next);
        }
    }
}
