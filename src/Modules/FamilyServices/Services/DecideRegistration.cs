using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Services;

/// <summary>
/// The town's agent accepts a registration, refuses it (with a reason), puts it on the waiting list or
/// ends it; a family withdraws its own. A place given back serves the waiting list in its order, in the
/// same transaction; the days booked after today under an ended registration are dropped. The
/// household is notified of every decision.
/// </summary>
internal sealed class DecideRegistration(
    FamilyServicesDbContext db,
    IStructureDirectory directory,
    Places places,
    RegistrationNotices notices,
    HouseholdHistory history,
    TenantContext tenant,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<FormProblem>> HandleAsync(Guid actorId, bool byFamily, Guid registrationId, RegistrationStatus target, string? reason, CancellationToken cancellationToken)
    {
        var problems = new List<FormProblem>();
        problems.CheckText("Reason", reason, Registration.MaxReasonLength, required: target == RegistrationStatus.Refused && !byFamily);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null || (byFamily && target != RegistrationStatus.Cancelled))
        {
            return [new FormProblem(string.Empty, Fr("Cette inscription n’existe pas."))];
        }

        if (!registration.CanMoveTo(target))
        {
            problems.Add(new FormProblem(string.Empty, Fr("Cette inscription a déjà changé : rechargez la page.")));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == registration.ServiceId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var heldPlace = registration.HoldsPlace;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!heldPlace && Registration.HoldsPlaceIn(target) && !await places.TryTakeAsync(service.Id, cancellationToken))
        {
            return [new FormProblem(string.Empty, Fr("Le service est complet : augmentez sa capacité ou libérez une place d’abord."))];
        }

        registration.MoveTo(target, actorId, now, PlainText.Clean(reason));
        IReadOnlyList<Registration> promoted = [];
        if (heldPlace && !registration.HoldsPlace)
        {
            await places.ReleaseAsync(service.Id, cancellationToken);
            promoted = await places.ServeWaitingListAsync(service, registration.Id, cancellationToken);
        }

        if (target is RegistrationStatus.Refused or RegistrationStatus.Cancelled)
        {
            await DropFutureDaysAsync(actorId, byFamily ? ChangeSource.Household : ChangeSource.Agent, registration, cancellationToken);
        }

        var child = await directory.GetPeopleAsync([registration.ChildId], cancellationToken) is [var person, ..] ? person.FirstName : string.Empty;
        history.Record(registration.HouseholdId, target == RegistrationStatus.Cancelled ? HouseholdChangeKind.RegistrationCancelled : HouseholdChangeKind.RegistrationDecided, actorId,
            $"{child} – {service.Name}");
        var notified = promoted.Select(r => (r, service, true)).ToList();
        if (!byFamily)
        {
            notified.Insert(0, (registration, service, false));
        }

        await notices.PublishAsync(notified, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Days booked after today under a registration that ends are dropped (nothing to bill), and audited.</summary>
    private async Task DropFutureDaysAsync(Guid actorId, ChangeSource source, Registration registration, CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        var days = await db.ChildDays
            .Where(d => d.ChildId == registration.ChildId && d.ServiceId == registration.ServiceId && d.Day > today
                && (d.Booking == Booking.Reserved || d.Booking == Booking.WaitingList) && d.Attendance == AttendanceMark.NotMarked)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var day in days)
        {
            db.DayStateChanges.Add(new DayStateChange
            {
                At = now,
                ActorId = actorId,
                Source = source,
                ChildId = day.ChildId,
                ServiceId = day.ServiceId,
                Day = day.Day,
                HouseholdId = day.HouseholdId,
                Before = day.State,
                After = null,
            });
        }

        db.ChildDays.RemoveRange(days);
    }
}
