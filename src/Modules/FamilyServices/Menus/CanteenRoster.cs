using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Menus;

/// <summary>A child expected at the canteen, with what their medical record says about allergens.</summary>
/// <param name="PupilId">The pupil.</param>
/// <param name="Name">"Prénom Nom".</param>
/// <param name="ClassName">Their class.</param>
/// <param name="Allergens">Allergies recorded in the child's medical information (<c>ChildMedicalInfo</c>).</param>
/// <param name="HasCarePlan">Whether a PAI exists (the staff then follow it, e.g. a packed lunch).</param>
internal sealed record CanteenChild(Guid PupilId, string Name, string? ClassName, Allergen Allergens, bool HasCarePlan);

/// <summary>The children expected at a school's canteen on a day, with their allergens.</summary>
internal interface ICanteenRoster
{
    Task<IReadOnlyList<CanteenChild>> ExpectedAsync(Guid schoolId, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// The canteen's roster from the reservations: the children whose day at one of the school's canteen
/// services is booked and not marked absent, or who were marked present without a booking; for a canteen
/// that takes no bookings, every child with an accepted registration covering the day. Their allergies
/// and PAI come from their medical information. Indexed queries on (day, service) and (child).
/// </summary>
internal sealed class CanteenRoster(FamilyServicesDbContext db, IStructureDirectory directory) : ICanteenRoster
{
    public async Task<IReadOnlyList<CanteenChild>> ExpectedAsync(Guid schoolId, DateOnly day, CancellationToken cancellationToken)
    {
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var canteens = (await db.Services.AsNoTracking()
                .Where(s => s.SchoolId == schoolId && s.Kind == ServiceKind.Canteen && s.StartsOn <= day && s.EndsOn >= day)
                .ToListAsync(cancellationToken))
            .Where(s => s.RunsOn(day, calendar))
            .ToList();
        if (canteens.Count == 0)
        {
            return [];
        }

        var booked = canteens.Where(s => s.RequiresReservation).Select(s => s.Id).ToList();
        var unbooked = canteens.Where(s => !s.RequiresReservation).Select(s => s.Id).ToList();
        var childIds = new HashSet<Guid>();
        if (booked.Count > 0)
        {
            childIds.UnionWith(await db.ChildDays.AsNoTracking()
                .Where(d => d.Day == day && booked.Contains(d.ServiceId)
                    && (d.State == DayState.Reserved || d.State == DayState.Present || d.State == DayState.PresentWithoutReservation))
                .Select(d => d.ChildId).ToListAsync(cancellationToken));
        }

        if (unbooked.Count > 0)
        {
            childIds.UnionWith(await db.Registrations.AsNoTracking()
                .Where(r => unbooked.Contains(r.ServiceId) && r.Status == RegistrationStatus.Accepted && r.StartsOn <= day && r.EndsOn >= day)
                .Select(r => r.ChildId).ToListAsync(cancellationToken));
        }

        if (childIds.Count == 0)
        {
            return [];
        }

        var health = await db.MedicalInfo.AsNoTracking().Where(m => childIds.Contains(m.ChildId))
            .ToDictionaryAsync(m => m.ChildId, m => (m.Allergens, m.HasIndividualCarePlan), cancellationToken);
        return (await directory.GetPupilsAsync(childIds, cancellationToken))
            .Select(p => health.TryGetValue(p.Id, out var h)
                ? new CanteenChild(p.Id, p.DisplayName, p.ClassName, h.Allergens, h.HasIndividualCarePlan)
                : new CanteenChild(p.Id, p.DisplayName, p.ClassName, Allergen.None, false))
            .OrderBy(c => c.ClassName).ThenBy(c => c.Name)
            .ToList();
    }
}
