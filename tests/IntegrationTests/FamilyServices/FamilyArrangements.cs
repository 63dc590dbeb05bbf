using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>A family created for a test: one guardian who can sign in, one child in a class.</summary>
public sealed record TestFamily(TestAccount Guardian, Guid ChildId, Guid HouseholdId);

/// <summary>Arranges family-services data straight in the module's tables (what the agent or a family would have done before).</summary>
internal static class FamilyArrangements
{
    /// <summary>The canteen of a school for the whole year; <paramref name="configure"/> changes what a test needs.</summary>
    public static Task<Service> CreateServiceAsync(this PreauApp app, TestTerritory territory, Guid schoolId, Action<Service>? configure = null) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<FamilyServicesDbContext>();
            var year = (await sp.GetRequiredService<IStructureDirectory>().GetCurrentSchoolYearAsync())!;
            var service = new Service
            {
                Name = "Restauration scolaire",
                Kind = ServiceKind.Canteen,
                SchoolId = schoolId,
                SchoolYearId = year.Id,
                StartsOn = year.StartsOn,
                EndsOn = year.EndsOn,
                Days = WeekdaySet.SchoolWeek,
                DeadlineWorkingDays = 2,
                DeadlineTime = new TimeOnly(10, 0),
            };
            configure?.Invoke(service);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service;
        });

    /// <summary>A household with these guardians and children (active, as the agent creates them).</summary>
    public static Task<Guid> CreateHouseholdAsync(this PreauApp app, TestTerritory territory, Guid[] guardians, Guid[] children, string name = "Foyer test") =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<FamilyServicesDbContext>();
            var household = new Household { Name = name, Status = HouseholdStatus.Active, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            foreach (var guardian in guardians)
            {
                household.AddMember(guardian, MemberRole.Guardian);
            }

            foreach (var child in children)
            {
                household.AddMember(child, MemberRole.Child);
            }

            db.Households.Add(household);
            await db.SaveChangesAsync();
            return household.Id;
        });

    /// <summary>An accepted registration of a child for the whole service (its place counted).</summary>
    public static Task<Guid> RegisterAsync(this PreauApp app, TestTerritory territory, Guid childId, Guid serviceId, Guid householdId, bool accepted = true) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<FamilyServicesDbContext>();
            var service = await db.Services.FirstAsync(s => s.Id == serviceId);
            var registration = new Registration
            {
                ServiceId = serviceId,
                ChildId = childId,
                HouseholdId = householdId,
                StartsOn = service.StartsOn,
                EndsOn = service.EndsOn,
                SubmittedAt = app.Clock.GetUtcNow().UtcDateTime,
                SubmittedBy = Guid.Empty,
            };
            registration.Start(gotPlace: accepted, requiresApproval: false, app.Clock.GetUtcNow().UtcDateTime);
            service.PlacesTaken += accepted ? 1 : 0;
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            return registration.Id;
        });

    /// <summary>
    /// Families of school A's class made for a test: each a guardian who can sign in and a pupil, with
    /// their household. <paramref name="count"/> at once (the concurrency test needs many).
    /// </summary>
    public static async Task<IReadOnlyList<TestFamily>> CreateFamiliesAsync(this PreauApp app, TestTerritory territory, int count)
    {
        var created = new List<(TestAccount Guardian, Guid Child)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Preau.Platform.Tenancy.TenantContext>().Enter(territory.Id);
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < count; i++)
            {
                var suffix = Guid.NewGuid().ToString("N")[..6];
                var guardian = new Account { TerritoryId = territory.Id, UserName = $"{territory.Slug}-famille-{suffix}", FirstName = "Parent", LastName = $"Famille{suffix}", Profiles = Profile.Guardian, CreatedAt = now, LockoutEnabled = true };
                var result = await users.CreateAsync(guardian, PreauApp.Password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                }

                var pupil = new Account { TerritoryId = territory.Id, UserName = $"{territory.Slug}-enfant-{suffix}", FirstName = "Enfant", LastName = $"Famille{suffix}", Profiles = Profile.Pupil, CreatedAt = now };
                await users.CreateAsync(pupil);
                db.Enrolments.Add(new Enrolment { PupilId = pupil.Id, ClassGroupId = territory.ClassA });
                db.GuardianLinks.Add(new GuardianLink { GuardianId = guardian.Id, PupilId = pupil.Id, Relation = GuardianRelation.Mother, HasParentalAuthority = true });
                created.Add((new TestAccount(guardian.Id, guardian.UserName, PreauApp.Password), pupil.Id));
            }

            await db.SaveChangesAsync();
        }

        var families = new List<TestFamily>();
        foreach (var (guardian, child) in created)
        {
            families.Add(new TestFamily(guardian, child, await app.CreateHouseholdAsync(territory, [guardian.Id], [child])));
        }

        return families;
    }

    /// <summary>Reads the module's tables in the territory.</summary>
    public static Task<T> InFamilyDbAsync<T>(this PreauApp app, TestTerritory territory, Func<FamilyServicesDbContext, Task<T>> read) =>
        app.InTerritoryAsync(territory.Id, sp => read(sp.GetRequiredService<FamilyServicesDbContext>()));

    /// <summary>The day row of a child, service and day, or null.</summary>
    public static Task<ChildDay?> DayAsync(this PreauApp app, TestTerritory territory, Guid childId, Guid serviceId, DateOnly day) =>
        app.InFamilyDbAsync(territory, db => db.ChildDays.AsNoTracking().FirstOrDefaultAsync(d => d.ChildId == childId && d.ServiceId == serviceId && d.Day == day));

    /// <summary>Monday 23 November 2026 (the app's clock) and the days around it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(PreauApp.SchoolDayMorning.UtcDateTime);
}
