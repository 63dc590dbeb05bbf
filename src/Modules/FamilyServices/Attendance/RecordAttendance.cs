using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Attendance;

/// <summary>
/// A mark made by the staff for a child on a day of a service: present (with arrival and departure
/// times where the service bills by the hour), absent with or without a valid reason, or not marked
/// (a correction). <see cref="ClientId"/> is the id the tablet gave it (null for the plain form);
/// <see cref="MarkedAt"/> is when it was made on the device.
/// </summary>
internal sealed record Mark(Guid? ClientId, Guid ChildId, AttendanceMark Value, TimeOnly? ArrivedAt, TimeOnly? LeftAt, DateTime MarkedAt);

/// <summary>What became of a mark.</summary>
internal enum MarkOutcome
{
    /// <summary>Recorded.</summary>
    Applied,

    /// <summary>This mark was already received (a replayed synchronisation): nothing changed.</summary>
    Replayed,

    /// <summary>A more recent mark of the same child and day was already recorded: it wins.</summary>
    Stale,

    /// <summary>Refused, with the reason.</summary>
    Rejected,
}

internal sealed record MarkResult(Guid? ClientId, Guid ChildId, MarkOutcome Outcome, DayState? State, string? Reason = null);

/// <summary>
/// Records the staff's marks for a service and a day, from the plain form or from the tablet's
/// synchronisation after a loss of connection. Idempotent: a mark whose client id was already received
/// changes nothing; the most recent mark of a child and day wins (by the time it was made on the device,
/// never later than the server's clock). Absences without reason and presences without reservation are
/// what invoicing bills; every applied mark is audited with its client id.
/// </summary>
internal sealed class RecordAttendance(FamilyServicesDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock)
{
    /// <summary>The most marks one synchronisation may carry (a whole service's day, several times over).</summary>
    public const int MaxMarks = 500;

    /// <summary>Why marks cannot be recorded for this service and day at all, or null.</summary>
    public async Task<string?> CheckDayAsync(Service service, DateOnly day, CancellationToken cancellationToken)
    {
        if (day > tenant.Today(clock))
        {
            return Fr("On ne pointe pas un jour à venir.");
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        return service.WhyNotOn(day, calendar);
    }

    public async Task<IReadOnlyList<MarkResult>> HandleAsync(Guid actorId, Service service, DateOnly day, IReadOnlyList<Mark> marks, CancellationToken cancellationToken)
    {
        var results = new List<MarkResult>();
        if (await CheckDayAsync(service, day, cancellationToken) is { } closed)
        {
            return marks.Select(m => new MarkResult(m.ClientId, m.ChildId, MarkOutcome.Rejected, null, closed)).ToList();
        }

        var childIds = marks.Select(m => m.ChildId).Distinct().ToList();
        var registered = (await db.Registrations.AsNoTracking()
                .Where(r => r.ServiceId == service.Id && childIds.Contains(r.ChildId) && r.Status == RegistrationStatus.Accepted && r.StartsOn <= day && r.EndsOn >= day)
                .Select(r => new { r.ChildId, r.HouseholdId }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.ChildId, r => r.HouseholdId);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var mark in marks)
        {
            results.Add(await ApplyAsync(actorId, service, day, mark, registered, now, cancellationToken));
        }

        return results;
    }

    private async Task<MarkResult> ApplyAsync(Guid actorId, Service service, DateOnly day, Mark mark, Dictionary<Guid, Guid> registered, DateTime now, CancellationToken cancellationToken)
    {
        if (!registered.TryGetValue(mark.ChildId, out var householdId))
        {
            return new MarkResult(mark.ClientId, mark.ChildId, MarkOutcome.Rejected, null, Fr("Cet enfant n’est pas inscrit à ce service ce jour-là."));
        }

        if (!Enum.IsDefined(mark.Value) || (mark.ArrivedAt is { } arrived && mark.LeftAt is { } left && left < arrived))
        {
            return new MarkResult(mark.ClientId, mark.ChildId, MarkOutcome.Rejected, null, Fr("Ce pointage n’est pas valide : l’heure de départ précède l’heure d’arrivée."));
        }

        for (var attempt = 0; ; attempt++)
        {
            if (mark.ClientId is { } clientId && await db.DayStateChanges.AnyAsync(c => c.ClientMarkId == clientId, cancellationToken))
            {
                var current = await db.ChildDays.AsNoTracking().Where(d => d.ChildId == mark.ChildId && d.ServiceId == service.Id && d.Day == day).Select(d => (DayState?)d.State).FirstOrDefaultAsync(cancellationToken);
                return new MarkResult(mark.ClientId, mark.ChildId, MarkOutcome.Replayed, current, Fr("Ce pointage a déjà été reçu."));
            }

            // A device whose clock runs ahead must not win over every later mark.
            var markedAt = mark.MarkedAt > now ? now : DateTime.SpecifyKind(mark.MarkedAt, DateTimeKind.Utc);
            var row = await db.ChildDays.FirstOrDefaultAsync(d => d.ChildId == mark.ChildId && d.ServiceId == service.Id && d.Day == day, cancellationToken);
            if (row is not null && !row.IsOlderThan(markedAt))
            {
                return new MarkResult(mark.ClientId, mark.ChildId, MarkOutcome.Stale, row.State, Fr("Un pointage plus récent de cet enfant est déjà enregistré."));
            }

            DayState? before = row?.State;
            if (row is null)
            {
                if (mark.Value != AttendanceMark.Present)
                {
                    // An absence of a child who was not expected, or the correction of nothing: nothing to keep.
                    return new MarkResult(mark.ClientId, mark.ChildId, MarkOutcome.Applied, null);
                }

                row = new ChildDay { ChildId = mark.ChildId, ServiceId = service.Id, Day = day, HouseholdId = householdId };
                db.ChildDays.Add(row);
            }

            var hourly = service.BillingUnit == BillingUnit.PerHour;
            row.Mark(mark.Value, hourly ? mark.ArrivedAt : null, hourly ? mark.LeftAt : null, markedAt, actorId);
            db.DayStateChanges.Add(new DayStateChange
            {
                At = now,
                ActorId = actorId,
                Source = ChangeSource.Staff,
                ChildId = row.ChildId,
                ServiceId = row.ServiceId,
                Day = day,
                HouseholdId = row.HouseholdId,
                Before = before,
                After = row.IsEmpty ? null : row.State,
                LateChange = row.LateChange,
                Detail = row.ArrivedAt is null && row.LeftAt is null ? null : $"{row.ArrivedAt:HH\\:mm}–{row.LeftAt:HH\\:mm}",
                ClientMarkId = mark.ClientId,
            });
            if (row.IsEmpty)
            {
                db.ChildDays.Remove(row);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new MarkResult(mark.ClientId, mark.ChildId, MarkOutcome.Applied, row.IsEmpty ? null : row.State);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same mark, or another of the same child and day, arrived at the same instant: look again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
