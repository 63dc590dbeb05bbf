using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Accounts;
using Preau.Identity.Calendar;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Schools;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.Tests.Infrastructure;

/// <summary>An account created for a test, with what signing in needs.</summary>
public sealed record TestAccount(Guid Id, string Login, string Password, string? AuthenticatorKey = null);

/// <summary>
/// A small territory for tests: two elementary schools (A and B) with one class each, and one
/// account of every profile. Logins start with the territory's slug, so several territories can
/// live in the same database.
/// </summary>
public sealed record TestTerritory(
    Guid Id,
    string Slug,
    Guid SchoolA,
    Guid SchoolB,
    Guid ClassA,
    Guid ClassB,
    Guid SchoolYear,
    TestAccount Admin,
    TestAccount HeadA,
    TestAccount HeadB,
    TestAccount TeacherA,
    TestAccount TeacherB,
    TestAccount SchoolLifeA,
    TestAccount AfterSchoolA,
    TestAccount Agent,
    TestAccount Elected,
    TestAccount PupilA,
    TestAccount PupilA2,
    TestAccount PupilB,
    TestAccount GuardianA,
    TestAccount GuardianWithoutAuthorityA,
    TestAccount GuardianB,
    TestAccount Unactivated);

/// <summary>Creates test territories straight in the Identity module's tables.</summary>
public static class TerritoryBuilder
{
    private static int _schoolNumber = 1000;

    /// <summary>Creates a territory named after <paramref name="slug"/>.</summary>
    public static Task<TestTerritory> CreateTerritoryAsync(this PreauApp app, string? slug = null) => CreateAsync(app, slug ?? "t" + Guid.NewGuid().ToString("N")[..8]);

    private static async Task<TestTerritory> CreateAsync(PreauApp app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IdentityDbContext>();
        var users = services.GetRequiredService<UserManager<Account>>();
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var territory = new Territory { Name = $"Territoire {slug}", Slug = slug, Kind = TerritoryKind.Commune, CreatedAt = now };
        db.Territories.Add(territory);
        services.GetRequiredService<TenantContext>().Enter(territory.Id, territory.TimeZoneId);
        var today = DateOnly.FromDateTime(now);
        var startYear = today.Month >= 8 ? today.Year : today.Year - 1;
        var year = new SchoolYear { Label = $"{startYear}-{startYear + 1}", StartsOn = new DateOnly(startYear, 9, 1), EndsOn = new DateOnly(startYear + 1, 7, 4) };
        db.SchoolYears.Add(year);
        db.SchoolHolidays.AddRange(SchoolHoliday.IndicativeRows(startYear));
        var schoolA = NewSchool("École A " + slug);
        var schoolB = NewSchool("École B " + slug);
        db.Schools.AddRange(schoolA, schoolB);
        var classA = new ClassGroup { SchoolId = schoolA.Id, SchoolYearId = year.Id, Name = "CM2 A", Level = "CM2", Kind = ClassGroupKind.Class };
        var classB = new ClassGroup { SchoolId = schoolB.Id, SchoolYearId = year.Id, Name = "CM1 B", Level = "CM1", Kind = ClassGroupKind.Class };
        db.ClassGroups.AddRange(classA, classB);
        await db.SaveChangesAsync();

        async Task<TestAccount> Create(string role, string first, string last, Profile profiles, bool activated = true)
        {
            var account = new Account
            {
                TerritoryId = territory.Id,
                UserName = $"{slug}-{role}",
                FirstName = first,
                LastName = last,
                Profiles = profiles,
                CreatedAt = now,
                Email = $"{slug}-{role}@test.localhost",
                LockoutEnabled = true,
            };
            var result = activated ? await users.CreateAsync(account, PreauApp.Password) : await users.CreateAsync(account);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            string? key = null;
            if ((profiles & Profiles.Administrators) != Profile.None)
            {
                await users.ResetAuthenticatorKeyAsync(account);
                key = await users.GetAuthenticatorKeyAsync(account);
                await users.SetTwoFactorEnabledAsync(account, true);
            }

            return new TestAccount(account.Id, account.UserName, PreauApp.Password, key);
        }

        var admin = await Create("admin", "Alice", "Admin", Profile.TerritoryAdmin);
        var headA = await Create("head-a", "Henri", "Directeur", Profile.Head);
        var headB = await Create("head-b", "Hugo", "Directeur", Profile.Head);
        var teacherA = await Create("teacher-a", "Thérèse", "Enseignante", Profile.Teacher);
        var teacherB = await Create("teacher-b", "Théo", "Enseignant", Profile.Teacher);
        var schoolLifeA = await Create("vie-scolaire-a", "Valérie", "Vie-Scolaire", Profile.SchoolLifeStaff);
        var afterSchoolA = await Create("animateur-a", "Anis", "Animateur", Profile.AfterSchoolStaff);
        var agent = await Create("agent", "Agnès", "Agent", Profile.MunicipalAgent);
        var elected = await Create("elu", "Éric", "Élu", Profile.ElectedOfficial);
        var pupilA = await Create("pupil-a", "Paul", "Élève", Profile.Pupil);
        var pupilA2 = await Create("pupil-a2", "Pauline", "Élève", Profile.Pupil);
        var pupilB = await Create("pupil-b", "Pierre", "Élève", Profile.Pupil);
        var guardianA = await Create("guardian-a", "Gaëlle", "Élève", Profile.Guardian);
        var guardianNoAuthority = await Create("guardian-a-sans-autorite", "Gilles", "Élève", Profile.Guardian);
        var guardianB = await Create("guardian-b", "Gérard", "Élève", Profile.Guardian);
        var unactivated = await Create("non-active", "Nina", "Nouvelle", Profile.Guardian, activated: false);

        db.StaffAssignments.AddRange(
            new StaffAssignment { AccountId = headA.Id, SchoolId = schoolA.Id, Profile = Profile.Head },
            new StaffAssignment { AccountId = headB.Id, SchoolId = schoolB.Id, Profile = Profile.Head },
            new StaffAssignment { AccountId = teacherA.Id, SchoolId = schoolA.Id, Profile = Profile.Teacher },
            new StaffAssignment { AccountId = teacherB.Id, SchoolId = schoolB.Id, Profile = Profile.Teacher },
            new StaffAssignment { AccountId = schoolLifeA.Id, SchoolId = schoolA.Id, Profile = Profile.SchoolLifeStaff },
            new StaffAssignment { AccountId = afterSchoolA.Id, SchoolId = schoolA.Id, Profile = Profile.AfterSchoolStaff });
        db.TeachingAssignments.AddRange(
            new TeachingAssignment { TeacherId = teacherA.Id, ClassGroupId = classA.Id },
            new TeachingAssignment { TeacherId = teacherB.Id, ClassGroupId = classB.Id });
        db.Enrolments.AddRange(
            new Enrolment { PupilId = pupilA.Id, ClassGroupId = classA.Id },
            new Enrolment { PupilId = pupilA2.Id, ClassGroupId = classA.Id },
            new Enrolment { PupilId = pupilB.Id, ClassGroupId = classB.Id });
        db.GuardianLinks.AddRange(
            new GuardianLink { GuardianId = guardianA.Id, PupilId = pupilA.Id, Relation = GuardianRelation.Mother, HasParentalAuthority = true },
            new GuardianLink { GuardianId = guardianNoAuthority.Id, PupilId = pupilA.Id, Relation = GuardianRelation.Father, HasParentalAuthority = false },
            new GuardianLink { GuardianId = guardianB.Id, PupilId = pupilB.Id, Relation = GuardianRelation.Father, HasParentalAuthority = true },
            new GuardianLink { GuardianId = unactivated.Id, PupilId = pupilA2.Id, Relation = GuardianRelation.Mother, HasParentalAuthority = true });
        await db.SaveChangesAsync();

        return new TestTerritory(territory.Id, slug, schoolA.Id, schoolB.Id, classA.Id, classB.Id, year.Id,
            admin, headA, headB, teacherA, teacherB, schoolLifeA, afterSchoolA, agent, elected,
            pupilA, pupilA2, pupilB, guardianA, guardianNoAuthority, guardianB, unactivated);
    }

    /// <summary>A school with a UAI no other test school has.</summary>
    internal static School NewSchool(string name) => new()
    {
        Uai = Uai.WithCheckLetter("095" + Interlocked.Increment(ref _schoolNumber).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
        Name = name,
        Kind = SchoolKind.Elementaire,
        City = "Testville",
    };
}
