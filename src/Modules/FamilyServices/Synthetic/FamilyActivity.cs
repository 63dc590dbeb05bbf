using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Synthetic;

/// <summary>
/// Writes realistic family-services activity for schools in bulk: the households from the rosters, the
/// usual services of each school, registrations, and the days booked and marked over a period. Used by
/// the demo territory (three schools, two months) and the synthetic département (a thousand schools, a
/// school year). Rows go in batches with change tracking cleared between them (never row by row).
/// </summary>
internal sealed class FamilyActivity(FamilyServicesDbContext db, IStructureDirectory directory, CreateHouseholdsFromRoster roster, TenantContext tenant, TimeProvider clock)
{
    public const int BatchSize = 5000;

    /// <summary>A school's pupils and the household each child books under.</summary>
    public sealed record SchoolFamilies(SchoolInfo School, IReadOnlyList<PupilInfo> Pupils, IReadOnlyDictionary<Guid, Guid> HouseholdOf);

    /// <summary>A share of a school's pupils registered to a service, and the weekly patterns they book.</summary>
    public sealed record Uptake(Service Service, double Share, IReadOnlyList<Weekdays> Patterns);

    /// <summary>Creates the households of a school's families (those not placed yet) and returns who books under which household.</summary>
    public async Task<SchoolFamilies> CreateHouseholdsAsync(SchoolInfo school, CancellationToken cancellationToken)
    {
        var pupils = await directory.ListPupilsOfSchoolAsync(school.Id, cancellationToken);
        var guardians = await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken);
        var memberships = await roster.MembershipsAsync(guardians, cancellationToken);
        var households = roster.Plan(guardians, memberships, null, clock.GetUtcNow().UtcDateTime, out var added);
        db.Households.AddRange(households);
        foreach (var household in households)
        {
            db.HouseholdChanges.Add(new HouseholdChange { HouseholdId = household.Id, At = household.CreatedAt, Kind = HouseholdChangeKind.Created });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var householdOf = memberships.Concat(added).Concat(households.SelectMany(h => h.Members))
            .Where(m => m.Role == MemberRole.Child)
            .GroupBy(m => m.PersonId)
            .ToDictionary(g => g.Key, g => g.First().HouseholdId);
        return new SchoolFamilies(school, pupils, householdOf);
    }

    /// <summary>The services a town usually runs at a school: canteen everywhere; morning, evening and Wednesday care at primary schools.</summary>
    public static List<Service> UsualServices(SchoolInfo school, SchoolYearInfo year)
    {
        Service New(ServiceKind kind, string name, Weekdays days, BillingUnit unit, int deadlineDays, TimeOnly deadline, TimeOnly? opens = null, TimeOnly? closes = null) => new()
        {
            SchoolId = school.Id,
            SchoolYearId = year.Id,
            Kind = kind,
            Name = name,
            StartsOn = year.StartsOn,
            EndsOn = year.EndsOn,
            Days = days,
            BillingUnit = unit,
            DeadlineWorkingDays = deadlineDays,
            DeadlineTime = deadline,
            OpensAt = opens,
            ClosesAt = closes,
        };

        var services = new List<Service> { New(ServiceKind.Canteen, "Restauration scolaire", WeekdaySet.SchoolWeek, BillingUnit.PerDay, 2, new TimeOnly(10, 0)) };
        if (school.Kind is SchoolKind.Maternelle or SchoolKind.Elementaire or SchoolKind.Primaire)
        {
            services.Add(New(ServiceKind.MorningCare, "Accueil du matin", WeekdaySet.SchoolWeek, BillingUnit.PerSession, 1, new TimeOnly(18, 0), new TimeOnly(7, 30), new TimeOnly(8, 20)));
            var evening = New(ServiceKind.EveningCare, "Accueil du soir et études", WeekdaySet.SchoolWeek, BillingUnit.PerHour, 1, new TimeOnly(18, 0), new TimeOnly(16, 30), new TimeOnly(18, 30));
            evening.LateChanges = LateChangePolicy.AcceptedWithLateTariff;
            services.Add(evening);
            var wednesday = New(ServiceKind.Wednesday, "Accueil de loisirs du mercredi", Weekdays.Wednesday, BillingUnit.PerDay, 5, new TimeOnly(12, 0), new TimeOnly(8, 0), new TimeOnly(18, 30));
            wednesday.DailyCapacity = 60;
            services.Add(wednesday);
        }

        return services;
    }

    /// <summary>
    /// Registers a share of the school's pupils to each service (already saved) and books their days from
    /// <paramref name="from"/> to <paramref name="to"/> with a weekly pattern; days before today are marked
    /// (mostly present, a few absences with and without reason, a few presences without reservation).
    /// </summary>
    public async Task<int> RegisterAndBookAsync(SchoolFamilies families, IReadOnlyList<Uptake> uptakes, DateOnly from, DateOnly to, Random random, ISet<(Guid Child, Guid Service)>? except, CancellationToken cancellationToken)
    {
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var today = tenant.Today(clock);
        var pending = new List<ChildDay>();
        var written = 0;
        foreach (var (service, share, patterns) in uptakes)
        {
            var registered = families.Pupils.Where(p => families.HouseholdOf.ContainsKey(p.Id) && random.NextDouble() < share && except?.Contains((p.Id, service.Id)) != true)
                .Take(service.DailyCapacity ?? int.MaxValue).ToList();
            foreach (var pupil in registered)
            {
                var registration = new Registration
                {
                    ServiceId = service.Id,
                    ChildId = pupil.Id,
                    HouseholdId = families.HouseholdOf[pupil.Id],
                    StartsOn = service.StartsOn,
                    EndsOn = service.EndsOn,
                    SubmittedAt = tenant.ToUtc(service.StartsOn.AddDays(-20 - random.Next(30)), new TimeOnly(20, random.Next(60))),
                };
                var gotPlace = service.Capacity is not { } capacity || service.PlacesTaken < capacity;
                registration.Start(gotPlace, service.RequiresApproval, registration.SubmittedAt);
                service.PlacesTaken += gotPlace ? 1 : 0;
                db.Registrations.Add(registration);
                if (registration.Status != RegistrationStatus.Accepted || !service.RequiresReservation)
                {
                    continue;
                }

                var pattern = patterns[random.Next(patterns.Count)];
                foreach (var day in service.DaysBetween(from, to, calendar))
                {
                    var booked = (pattern & WeekdaySet.Of(day.DayOfWeek)) != Weekdays.None;
                    var walkIn = !booked && day < today && random.NextDouble() < 0.01;
                    if (!booked && !walkIn)
                    {
                        continue;
                    }

                    var childDay = new ChildDay { ChildId = pupil.Id, ServiceId = service.Id, Day = day, HouseholdId = registration.HouseholdId };
                    if (booked)
                    {
                        childDay.Book(registration.HouseholdId, full: false, late: random.NextDouble() < 0.02, tenant.ToUtc(day.AddDays(-7), new TimeOnly(20, 30)));
                    }

                    if (day < today)
                    {
                        Mark(childDay, service, walkIn, day, random);
                    }

                    pending.Add(childDay);
                }
            }

            written += await FlushAsync(pending, BatchSize, cancellationToken);
        }

        db.Services.UpdateRange(uptakes.Select(u => u.Service).Where(s => db.Entry(s).State == EntityState.Detached));
        await db.SaveChangesAsync(cancellationToken);
        written += await FlushAsync(pending, 0, cancellationToken);
        db.ChangeTracker.Clear();
        return written;
    }

    internal void Mark(ChildDay childDay, Service service, bool walkIn, DateOnly day, Random random)
    {
        var roll = random.NextDouble();
        var mark = walkIn || roll < 0.94 ? AttendanceMark.Present : roll < 0.97 ? AttendanceMark.AbsentExcused : AttendanceMark.AbsentUnexcused;
        TimeOnly? arrived = null, left = null;
        if (mark == AttendanceMark.Present && service.BillingUnit == BillingUnit.PerHour && service.OpensAt is { } opens)
        {
            arrived = opens.AddMinutes(random.Next(15));
            left = opens.AddMinutes(30 + random.Next(90));
        }

        childDay.Mark(mark, arrived, left, tenant.ToUtc(day, service.OpensAt ?? new TimeOnly(12, 0)), null);
    }

    /// <summary>Saves the pending rows once there are <paramref name="threshold"/> of them (all of them with 0), then forgets them.</summary>
    private async Task<int> FlushAsync(List<ChildDay> pending, int threshold, CancellationToken cancellationToken)
    {
        if (pending.Count == 0 || pending.Count < threshold)
        {
            return 0;
        }

        var count = 0;
        foreach (var chunk in pending.Chunk(BatchSize))
        {
            db.ChildDays.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += chunk.Length;
        }

        pending.Clear();
        return count;
    }
}
