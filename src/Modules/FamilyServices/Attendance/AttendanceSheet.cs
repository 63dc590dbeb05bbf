using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Attendance;

/// <summary>An adult the staff may hand the child to, or call.</summary>
internal sealed record Contact(string Name, string? Relation, string? Phone);

/// <summary>A child's line on the attendance sheet: who, what was booked and marked, what to watch for, who may pick them up.</summary>
internal sealed record SheetLine(
    Guid ChildId,
    string DisplayName,
    string? ClassName,
    DayState? State,
    bool Expected,
    TimeOnly? ArrivedAt,
    TimeOnly? LeftAt,
    Allergen Allergies,
    string? OtherAllergies,
    bool HasIndividualCarePlan,
    string? IndividualCarePlanDetails,
    IReadOnlyList<Contact> Guardians,
    IReadOnlyList<Contact> Pickups)
{
    public AttendanceMark Mark => State switch
    {
        DayState.Present or DayState.PresentWithoutReservation => AttendanceMark.Present,
        DayState.AbsentExcused => AttendanceMark.AbsentExcused,
        DayState.AbsentUnexcused => AttendanceMark.AbsentUnexcused,
        _ => AttendanceMark.NotMarked,
    };
}

/// <summary>
/// The attendance sheet of a service for a day: the children expected (booked), then the other children
/// registered (who may come without a booking), with their allergies and PAI, their guardians' phones and
/// the people allowed to pick them up. Without photos. A few batched queries, whatever the number of children.
/// </summary>
internal sealed class AttendanceSheet(FamilyServicesDbContext db, IStructureDirectory directory)
{
    public async Task<IReadOnlyList<SheetLine>> LoadAsync(Service service, DateOnly day, CancellationToken cancellationToken)
    {
        var registered = await db.Registrations.AsNoTracking()
            .Where(r => r.ServiceId == service.Id && r.Status == RegistrationStatus.Accepted && r.StartsOn <= day && r.EndsOn >= day)
            .Select(r => r.ChildId).ToListAsync(cancellationToken);
        var rows = await db.ChildDays.AsNoTracking().Where(d => d.Day == day && d.ServiceId == service.Id).ToDictionaryAsync(d => d.ChildId, cancellationToken);
        var childIds = registered.Union(rows.Keys).ToList();
        if (childIds.Count == 0)
        {
            return [];
        }

        var pupils = await directory.GetPupilsAsync(childIds, cancellationToken);
        var health = await db.MedicalInfo.AsNoTracking().Where(m => childIds.Contains(m.ChildId)).ToDictionaryAsync(m => m.ChildId, cancellationToken);
        var pickups = (await db.AuthorizedPickups.AsNoTracking().Where(p => childIds.Contains(p.ChildId)).OrderBy(p => p.Name).ToListAsync(cancellationToken))
            .ToLookup(p => p.ChildId, p => new Contact(p.Name, p.Relation, p.Phone));
        var guardianRows = await (from c in db.HouseholdMembers.AsNoTracking()
                                  join g in db.HouseholdMembers on c.HouseholdId equals g.HouseholdId
                                  where childIds.Contains(c.PersonId) && c.Role == MemberRole.Child && g.Role == MemberRole.Guardian
                                  select new { ChildId = c.PersonId, g.PersonId, g.MobilePhone, g.OtherPhone }).ToListAsync(cancellationToken);
        var guardianNames = (await directory.GetPeopleAsync(guardianRows.Select(g => g.PersonId).Distinct(), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        var guardians = guardianRows.ToLookup(g => g.ChildId, g => new Contact(guardianNames.GetValueOrDefault(g.PersonId) ?? string.Empty, null, g.MobilePhone ?? g.OtherPhone));

        return pupils.Select(p =>
            {
                rows.TryGetValue(p.Id, out var row);
                health.TryGetValue(p.Id, out var info);
                return new SheetLine(
                    p.Id, p.DisplayName, p.ClassName, row?.State, row?.Booking == Booking.Reserved, row?.ArrivedAt, row?.LeftAt,
                    info?.Allergens ?? Allergen.None, info?.OtherAllergies, info?.HasIndividualCarePlan == true, info?.IndividualCarePlanDetails,
                    guardians[p.Id].DistinctBy(g => g.Name).ToList(), pickups[p.Id].ToList());
            })
            .OrderByDescending(l => l.Expected).ThenBy(l => l.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }
}
