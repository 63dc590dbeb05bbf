using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Reservations;

/// <summary>A day to book (true) or cancel (false).</summary>
internal sealed record DayRequest(DateOnly Day, bool Book);

/// <summary>What became of a requested day.</summary>
internal enum DayOutcome
{
    Unchanged,
    Booked,
    BookedLate,
    WaitingList,
    Cancelled,
    CancelledLate,
    Refused,
}

/// <summary>The outcome of one day, with the reason of a refusal (a French key and its arguments).</summary>
internal sealed record DayResult(DateOnly Day, DayOutcome Outcome, DayState? State, string? Reason = null, params object[] ReasonArguments);

/// <summary>
/// A household books or cancels days of a service for a child: each day is checked against the
/// service's calendar, the child's registration, the booking deadline (in the territory's time zone)
/// and the other household's bookings; a late change is refused with its reason, or accepted and
/// flagged for the late tariff where the service allows it; a full day goes on its waiting list.
/// Every change is audited (<see cref="DayStateChange"/>), in the same transaction.
/// </summary>
internal sealed class ChangeReservations(FamilyServicesDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock)
{
    /// <summary>At most this many days in one request (a school year and a little more).</summary>
    public const int MaxDays = 400;

    public async Task<(IReadOnlyList<DayResult> Results, FormProblem? Problem)> HandleAsync(
        Guid actorId, ChangeSource source, Guid householdId, Guid childId, Guid serviceId, IReadOnlyList<DayRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count > MaxDays)
        {
            return ([], new FormProblem(string.Empty, Fr("Trop de jours en une fois : {0} au plus."), MaxDays));
        }

        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        var registration = service is null ? null : await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ServiceId == serviceId && r.ChildId == childId && Registration.Live.Contains(r.Status), cancellationToken);
        if (RefuseService(service, registration) is { } refusal)
        {
            return ([], refusal);
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = tenant.Today(clock);
        var days = requests.GroupBy(r => r.Day).Select(g => g.Last()).OrderBy(r => r.Day).ToList();
        if (days.Count == 0)
        {
            return ([], null);
        }

        var (first, last) = (days[0].Day, days[^1].Day);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (service!.DailyCapacity is not null && days.Any(d => d.Book))
        {
            // Serialises the bookings of this service: the day's count below cannot change under us.
            await db.Services.Where(s => s.Id == serviceId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookingSequence, x => x.BookingSequence + 1), cancellationToken);
        }

        var rows = await db.ChildDays.Where(d => d.ChildId == childId && d.ServiceId == serviceId && d.Day >= first && d.Day <= last).ToDictionaryAsync(d => d.Day, cancellationToken);
        var results = new List<DayResult>();
        var freed = new List<DateOnly>();
        foreach (var request in days)
        {
            rows.TryGetValue(request.Day, out var row);
            var wasReserved = row?.Booking == Booking.Reserved;
            var result = await ChangeDayAsync(service, registration!, householdId, childId, request, row, calendar, now, today, cancellationToken);
            results.Add(result);
            if (result.Outcome is DayOutcome.Unchanged or DayOutcome.Refused)
            {
                continue;
            }

            row ??= db.ChildDays.Local.First(d => d.ChildId == childId && d.ServiceId == serviceId && d.Day == request.Day);
            Audit(actorId, source, row, result, request.Day);
            if (row.IsEmpty)
            {
                db.ChildDays.Remove(row);
            }

            if (wasReserved && result.Outcome is DayOutcome.Cancelled or DayOutcome.CancelledLate && service.DailyCapacity is not null)
            {
                freed.Add(request.Day);
            }
        }

        await ServeDayWaitingListsAsync(service, freed, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another household or request changed one of these days at the same instant.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ([], new FormProblem(string.Empty, Fr("Un autre changement a été enregistré en même temps pour ces jours : rechargez la page et recommencez.")));
        }

        return (results, null);
    }

    /// <summary>Why days of this service cannot be booked for this child at all, or null.</summary>
    public static FormProblem? RefuseService(Service? service, Registration? registration)
    {
        if (service is null)
        {
            return new FormProblem("ServiceId", Fr("Ce service n’existe pas."));
        }

        if (!service.RequiresReservation)
        {
            return new FormProblem("ServiceId", Fr("Ce service ne se réserve pas jour par jour : l’inscription suffit."));
        }

        return registration?.Status switch
        {
            null => new FormProblem("ServiceId", Fr("L’enfant n’est pas inscrit à ce service.")),
            RegistrationStatus.Pending => new FormProblem("ServiceId", Fr("L’inscription à ce service attend la validation de la ville.")),
            RegistrationStatus.WaitingList => new FormProblem("ServiceId", Fr("L’inscription à ce service est en liste d’attente.")),
            _ => null,
        };
    }

    /// <summary>Why a day cannot be changed by a household, or null: calendar, registration period, past day.</summary>
    public static string? WhyClosed(Service service, Registration registration, DateOnly day, DateOnly today, SchoolCalendar calendar)
    {
        if (service.WhyNotOn(day, calendar) is { } reason)
        {
            return reason;
        }

        if (!registration.Covers(day))
        {
            return Fr("Ce jour est en dehors de la période d’inscription.");
        }

        return day < today ? Fr("Ce jour est passé.") : null;
    }

    private async Task<DayResult> ChangeDayAsync(
        Service service, Registration registration, Guid householdId, Guid childId, DayRequest request, ChildDay? row,
        SchoolCalendar calendar, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var day = request.Day;
        if (WhyClosed(service, registration, day, today, calendar) is { } closed)
        {
            return new DayResult(day, DayOutcome.Refused, row?.State, closed);
        }

        if (row is not null && row.Booking is not Booking.None && row.HouseholdId != householdId && row.Booking is Booking.Reserved or Booking.WaitingList)
        {
            return new DayResult(day, DayOutcome.Refused, row.State, request.Book
                ? Fr("Ce jour est déjà réservé par l’autre foyer de l’enfant.")
                : Fr("Ce jour a été réservé par l’autre foyer de l’enfant : lui seul peut l’annuler."));
        }

        var wasBooked = row?.Booking is Booking.Reserved or Booking.WaitingList;
        if (wasBooked == request.Book)
        {
            return new DayResult(day, DayOutcome.Unchanged, row?.State);
        }

        if (row?.IsMarked == true)
        {
            return new DayResult(day, DayOutcome.Refused, row.State, Fr("Ce jour a déjà été pointé par l’équipe."));
        }

        // Leaving a waiting list costs nothing: never late. Everything else follows the deadline.
        var late = !(row?.Booking == Booking.WaitingList && !request.Book) && !service.Deadline.IsOpen(day, now, tenant.TimeZone, calendar);
        if (late && service.LateChanges == LateChangePolicy.Refused)
        {
            return new DayResult(day, DayOutcome.Refused, row?.State,
                Fr("Le délai est dépassé : les changements pour le {0:dddd d MMMM} étaient possibles jusqu’au {1:dddd d MMMM à HH:mm}."),
                day, service.Deadline.LocalDeadlineFor(day, calendar));
        }

        if (!request.Book)
        {
            row!.Cancel(late);
            return new DayResult(day, row.Booking == Booking.CancelledLate ? DayOutcome.CancelledLate : DayOutcome.Cancelled, row.IsEmpty ? null : row.State);
        }

        var full = service.DailyCapacity is { } capacity
            && await db.ChildDays.CountAsync(d => d.ServiceId == service.Id && d.Day == day && d.Booking == Booking.Reserved, cancellationToken) >= capacity;
        if (row is null)
        {
            row = new ChildDay { ChildId = childId, ServiceId = service.Id, Day = day, HouseholdId = householdId };
            db.ChildDays.Add(row);
        }

        row.Book(householdId, full, late, now.UtcDateTime);
        return new DayResult(day, full ? DayOutcome.WaitingList : late ? DayOutcome.BookedLate : DayOutcome.Booked, row.State);
    }

    private void Audit(Guid actorId, ChangeSource source, ChildDay row, DayResult result, DateOnly day)
    {
        var before = db.Entry(row).State == EntityState.Added ? (DayState?)null
            : db.Entry(row).Property(d => d.State).OriginalValue;
        db.DayStateChanges.Add(new DayStateChange
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            Source = source,
            ChildId = row.ChildId,
            ServiceId = row.ServiceId,
            Day = day,
            HouseholdId = row.HouseholdId,
            Before = before,
            After = row.IsEmpty ? null : row.State,
            LateChange = result.Outcome is DayOutcome.BookedLate or DayOutcome.CancelledLate,
        });
    }

    /// <summary>A cancellation frees a place of a full day: the first on its waiting list takes it.</summary>
    private async Task ServeDayWaitingListsAsync(Service service, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        foreach (var day in days)
        {
            var next = await db.ChildDays.Where(d => d.ServiceId == service.Id && d.Day == day && d.Booking == Booking.WaitingList)
                .OrderBy(d => d.BookedAt).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                continue;
            }

            next.Promote();
            db.DayStateChanges.Add(new DayStateChange
            {
                At = clock.GetUtcNow().UtcDateTime,
                Source = ChangeSource.System,
                ChildId = next.ChildId,
                ServiceId = next.ServiceId,
                Day = day,
                HouseholdId = next.HouseholdId,
                Before = DayState.WaitingList,
                After = next.State,
                LateChange = next.LateChange,
            });
            var guardians = await db.HouseholdMembers.Where(m => m.HouseholdId == next.HouseholdId && m.Role == MemberRole.Guardian).Select(m => m.PersonId).ToListAsync(cancellationToken);
            var child = await directory.GetPeopleAsync([next.ChildId], cancellationToken) is [var person, ..] ? person.FirstName : string.Empty;
            db.Publish(new NotificationRequested(guardians, "familyservices.reservation", NotificationKind.Information,
                Fr("Une place s’est libérée le {0} : {1} – {2}"), [day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), child, service.Name],
                $"/famille/reservations/{next.ChildId}?mois={day:yyyy-MM}", service.SchoolId));
        }
    }
}
