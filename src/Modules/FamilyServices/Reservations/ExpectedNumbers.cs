using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Text;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Reservations;

/// <summary>A service's numbers for one day: who is expected, and what the kitchen must know.</summary>
internal sealed record ServiceNumbers(
    Guid ServiceId,
    string ServiceName,
    ServiceKind Kind,
    SchoolInfo School,
    int Expected,
    int WaitingList,
    int Present,
    int PresentWithoutReservation,
    int Absent,
    int IndividualCarePlans,
    IReadOnlyDictionary<Allergen, int> Allergies);

/// <summary>
/// The expected numbers of a day per school and service (the canteen cook orders food from them):
/// children booked, on the waiting list, and once marked, present and absent; with the number of PAI
/// and of each allergen among the expected children. Two grouped queries on the (day, service) index.
/// </summary>
internal sealed class ExpectedNumbers(FamilyServicesDbContext db, IStructureDirectory directory)
{
    public async Task<IReadOnlyList<ServiceNumbers>> LoadAsync(DateOnly day, IReadOnlyList<SchoolInfo> schools, CancellationToken cancellationToken)
    {
        var schoolIds = schools.Select(s => s.Id).ToList();
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var services = (await db.Services.AsNoTracking()
                .Where(s => schoolIds.Contains(s.SchoolId) && s.StartsOn <= day && s.EndsOn >= day)
                .ToListAsync(cancellationToken))
            .Where(s => s.RunsOn(day, calendar))
            .ToList();
        var serviceIds = services.Select(s => s.Id).ToList();
        if (serviceIds.Count == 0)
        {
            return [];
        }

        var counts = (await db.ChildDays.AsNoTracking()
                .Where(d => d.Day == day && serviceIds.Contains(d.ServiceId))
                .GroupBy(d => new { d.ServiceId, d.State })
                .Select(g => new { g.Key.ServiceId, g.Key.State, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ServiceId);
        var health = (await (from d in db.ChildDays.AsNoTracking()
                             join m in db.MedicalInfo.AsNoTracking() on d.ChildId equals m.ChildId
                             where d.Day == day && serviceIds.Contains(d.ServiceId) && d.Booking == Booking.Reserved && d.State != DayState.AbsentExcused && d.State != DayState.AbsentUnexcused
                             select new { d.ServiceId, m.Allergens, m.HasIndividualCarePlan }).ToListAsync(cancellationToken))
            .ToLookup(h => h.ServiceId);
        // Services without bookings (a bus line, a workshop) expect every child registered that day.
        var withoutBooking = services.Where(s => !s.RequiresReservation).Select(s => s.Id).ToList();
        var registered = withoutBooking.Count == 0 ? [] : await db.Registrations.AsNoTracking()
            .Where(r => withoutBooking.Contains(r.ServiceId) && r.Status == RegistrationStatus.Accepted && r.StartsOn <= day && r.EndsOn >= day)
            .GroupBy(r => r.ServiceId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var bySchool = schools.ToDictionary(s => s.Id);
        return services
            .OrderBy(s => bySchool[s.SchoolId].Name).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s =>
            {
                int Count(params DayState[] states) => counts[s.Id].Where(c => states.Contains(c.State)).Sum(c => c.Count);
                var allergies = Allergens.All.Select(a => a.Allergen)
                    .ToDictionary(a => a, a => health[s.Id].Count(h => Allergens.Match(h.Allergens, a)));
                return new ServiceNumbers(
                    s.Id, s.Name, s.Kind, bySchool[s.SchoolId],
                    s.RequiresReservation ? Count(DayState.Reserved, DayState.Present, DayState.AbsentExcused, DayState.AbsentUnexcused) : registered.GetValueOrDefault(s.Id),
                    Count(DayState.WaitingList),
                    Count(DayState.Present),
                    Count(DayState.PresentWithoutReservation),
                    Count(DayState.AbsentExcused, DayState.AbsentUnexcused),
                    health[s.Id].Count(h => h.HasIndividualCarePlan),
                    allergies);
            })
            .ToList();
    }

    /// <summary>
    /// The numbers as CSV for a spreadsheet (French conventions: semicolons, UTF-8 with a byte-order mark
    /// so that Excel reads the accents). Texts starting with a formula sign are quoted with an apostrophe
    /// (OWASP, CSV injection).
    /// </summary>
    public static byte[] ToCsv(DateOnly day, IReadOnlyList<ServiceNumbers> numbers, Func<string, string> translate)
    {
        var csv = new StringBuilder();
        var headers = new[] { Fr("Date"), Fr("UAI"), Fr("École"), Fr("Service"), Fr("Attendus"), Fr("Liste d’attente"), Fr("Présents"), Fr("Présents sans réservation"), Fr("Absents"), Fr("PAI") }
            .Select(translate).ToList();
        headers.AddRange(Allergens.All.Select(a => translate(a.Name)));
        csv.AppendLine(string.Join(';', headers.Select(CsvCell.Of)));
        foreach (var n in numbers)
        {
            var cells = new List<string>
            {
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), n.School.Uai, n.School.Name, n.ServiceName,
                Number(n.Expected), Number(n.WaitingList), Number(n.Present), Number(n.PresentWithoutReservation), Number(n.Absent), Number(n.IndividualCarePlans),
            };
            cells.AddRange(Allergens.All.Select(a => Number(n.Allergies[a.Allergen])));
            csv.AppendLine(string.Join(';', cells.Select(CsvCell.Of)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
