using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Reservations;

/// <summary>
/// Books a period "the same every week": the days of the pattern are booked, the household's other days
/// of the period cancelled. Days whose deadline has passed are left as they are (a pattern never
/// triggers the late tariff on its own) and counted, so the household knows.
/// </summary>
internal sealed class ApplyWeeklyPattern(FamilyServicesDbContext db, IStructureDirectory directory, ChangeReservations reservations, TenantContext tenant, TimeProvider clock)
{
    public sealed record Result(int Booked, int Cancelled, int WaitingList, int Skipped, IReadOnlyList<DayResult> Refused);

    public async Task<(Result? Result, FormProblem? Problem)> HandleAsync(
        Guid actorId, Guid householdId, Guid childId, Guid serviceId, WeeklyPattern pattern, CancellationToken cancellationToken)
    {
        if (pattern.Check() is { } invalid)
        {
            return (null, new FormProblem("To", invalid));
        }

        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        var registration = service is null ? null : await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ServiceId == serviceId && r.ChildId == childId && Registration.Live.Contains(r.Status), cancellationToken);
        if (ChangeReservations.RefuseService(service, registration) is { } refusal)
        {
            return (null, refusal);
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var (now, today) = (clock.GetUtcNow(), tenant.Today(clock));
        var booked = (await db.ChildDays.AsNoTracking()
                .Where(d => d.ChildId == childId && d.ServiceId == serviceId && d.Day >= pattern.From && d.Day <= pattern.To && d.HouseholdId == householdId
                    && (d.Booking == Booking.Reserved || d.Booking == Booking.WaitingList))
                .Select(d => d.Day).ToListAsync(cancellationToken))
            .ToHashSet();
        var requests = new List<DayRequest>();
        var skipped = 0;
        foreach (var (day, wanted) in pattern.Apply(service!.DaysBetween(pattern.From, pattern.To, calendar)))
        {
            if (wanted == booked.Contains(day) || ChangeReservations.WhyClosed(service, registration!, day, today, calendar) is not null)
            {
                continue;
            }

            if (!service.Deadline.IsOpen(day, now, tenant.TimeZone, calendar))
            {
                skipped++;
                continue;
            }

            requests.Add(new DayRequest(day, wanted));
        }

        var (results, problem) = await reservations.HandleAsync(actorId, ChangeSource.Household, householdId, childId, serviceId, requests, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        return (new Result(
            results.Count(r => r.Outcome is DayOutcome.Booked or DayOutcome.BookedLate),
            results.Count(r => r.Outcome is DayOutcome.Cancelled or DayOutcome.CancelledLate),
            results.Count(r => r.Outcome == DayOutcome.WaitingList),
            skipped,
            results.Where(r => r.Outcome == DayOutcome.Refused).ToList()), null);
    }
}
