using System.Globalization;
using System.Text;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Preau.Identity.Accounts;
using Preau.Identity.Calendar;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Schools;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Demo;

/// <summary>
/// The demo territory: the commune of Valmont with a nursery school, an elementary school and a
/// collège, about 300 pupils with their guardians, and one account of every profile. Deterministic
/// (same names at every run). Only the printed accounts have a password; the others wait for their
/// activation letter, as in real life.
/// </summary>
internal sealed class DemoTerritorySeeder(IdentityDbContext db, TenantContext tenant, TimeProvider clock, IPasswordHasher<Account> hasher, ILookupNormalizer normalizer, IConfiguration configuration)
    : IDemoTerritory
{
    public const string Slug = "valmont";

    private static readonly (string Login, string Profile, string? Note)[] Printed =
    [
        ("admin.valmont", "Administrateur du territoire", "double authentification à configurer à la première connexion"),
        ("directrice.tilleuls", "Directrice de l’école maternelle", null),
        ("directeur.jaures", "Directeur de l’école élémentaire", null),
        ("principale.hugo", "Principale du collège", null),
        ("enseignante.cm2", "Enseignante de CM2", null),
        ("professeur.maths", "Professeur de mathématiques au collège", null),
        ("cpe.hugo", "Conseillère principale d’éducation (vie scolaire)", null),
        ("animateur.jaures", "Animateur périscolaire", null),
        ("agent.education", "Agent du service éducation", null),
        ("technicien.valmont", "Technicien informatique", null),
        ("elue.education", "Adjointe au maire chargée de l’éducation", null),
        ("partenaire.mediatheque", "Partenaire (médiathèque)", null),
        ("parent.martin", "Parent de deux enfants (CM2 et 6e)", null),
        ("eleve.lucas", "Élève de CM2", null),
    ];

    private readonly Faker _faker = new("fr") { Random = new Randomizer(2026) };
    private readonly HashSet<string> _logins = new(StringComparer.Ordinal);
    private DateTime _now;
    private Guid _territoryId;

    private string DemoPassword => configuration["Demo:Password"] is { Length: >= 12 } configured ? configured : "preau-demo-valmont";

    public async Task<(Guid TerritoryId, bool Created)> EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Territories.IgnoreQueryFilters().Where(t => t.Slug == Slug).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return (id, false);
        }

        _now = clock.GetUtcNow().UtcDateTime;
        var territory = new Territory { Name = "Ville de Valmont", Slug = Slug, Kind = TerritoryKind.Commune, CreatedAt = _now };
        db.Territories.Add(territory);
        _territoryId = territory.Id;
        tenant.Enter(territory.Id, territory.TimeZoneId);
        _logins.UnionWith(await db.Accounts.IgnoreQueryFilters().Select(a => a.UserName!).ToListAsync(cancellationToken));

        var today = tenant.Today(clock);
        var label = SchoolYear.LabelFor(today);
        var startYear = int.Parse(label[..4], CultureInfo.InvariantCulture);
        var year = new SchoolYear { Label = label, StartsOn = new DateOnly(startYear, 9, 1), EndsOn = new DateOnly(startYear + 1, 7, 4) };
        db.SchoolYears.Add(year);
        db.SchoolHolidays.AddRange(SchoolHoliday.IndicativeRows(startYear));

        var maternelle = AddSchool("0951234", "École maternelle Les Tilleuls", SchoolKind.Maternelle, "3 rue des Tilleuls", 49.0421, 2.0761);
        var elementaire = AddSchool("0951235", "École élémentaire Jean-Jaurès", SchoolKind.Elementaire, "12 avenue Jean-Jaurès", 49.0437, 2.0802);
        var college = AddSchool("0951236", "Collège Victor-Hugo", SchoolKind.College, "1 place Victor-Hugo", 49.0455, 2.0833);

        // Staff with printed logins.
        var admin = AddAccount("admin.valmont", "Camille", "Roussel", Profile.TerritoryAdmin, withPassword: true);
        admin.Email = "admin@valmont.localhost";
        AddStaff(AddAccount("directrice.tilleuls", "Sophie", "Lambert", Profile.Head | Profile.Teacher, true), maternelle, Profile.Head);
        AddStaff(AddAccount("directeur.jaures", "Karim", "Benali", Profile.Head, true), elementaire, Profile.Head);
        AddStaff(AddAccount("principale.hugo", "Hélène", "Marchand", Profile.Head, true), college, Profile.Head);
        var cm2Teacher = AddAccount("enseignante.cm2", "Julie", "Fontaine", Profile.Teacher, true);
        AddStaff(cm2Teacher, elementaire, Profile.Teacher);
        var mathsTeacher = AddAccount("professeur.maths", "Thomas", "Girard", Profile.Teacher, true);
        AddStaff(mathsTeacher, college, Profile.Teacher);
        AddStaff(AddAccount("cpe.hugo", "Nadia", "Haddad", Profile.SchoolLifeStaff, true), college, Profile.SchoolLifeStaff);
        var animateur = AddAccount("animateur.jaures", "Yanis", "Morel", Profile.AfterSchoolStaff, true);
        AddStaff(animateur, elementaire, Profile.AfterSchoolStaff);
        AddStaff(animateur, maternelle, Profile.AfterSchoolStaff);
        AddAccount("agent.education", "Isabelle", "Perrin", Profile.MunicipalAgent, true);
        var technicien = AddAccount("technicien.valmont", "Marc", "Lefèvre", Profile.ItTechnician, true);
        foreach (var school in new[] { maternelle, elementaire, college })
        {
            AddStaff(technicien, school, Profile.ItTechnician);
        }

        AddAccount("elue.education", "Claire", "Dubois", Profile.ElectedOfficial, true);
        AddAccount("partenaire.mediatheque", "Paul", "Renard", Profile.Partner, true);

        // Classes and their teachers.
        var classes = new List<(ClassGroup Class, int Size, int BirthYear)>();
        foreach (var (name, level, size, age) in new[] { ("PS", "PS", 18, 3), ("MS", "MS", 20, 4), ("GS", "GS", 22, 5) })
        {
            var group = AddClass(maternelle, year, $"{name} – Les Tilleuls", level);
            classes.Add((group, size, startYear - age));
            var teacher = level == "GS" ? db.Accounts.Local.Single(a => a.UserName == "directrice.tilleuls") : AddAccount(null, _faker.Name.FirstName(), _faker.Name.LastName(), Profile.Teacher, false);
            AddStaff(teacher, maternelle, Profile.Teacher);
            AddTeaching(teacher, group, null);
        }

        foreach (var (level, size, age) in new[] { ("CP", 22, 6), ("CE1", 24, 7), ("CE2", 24, 8), ("CM1", 25, 9), ("CM2", 25, 10) })
        {
            var group = AddClass(elementaire, year, level, level);
            classes.Add((group, size, startYear - age));
            var teacher = level == "CM2" ? cm2Teacher : AddAccount(null, _faker.Name.FirstName(), _faker.Name.LastName(), Profile.Teacher, false);
            if (level != "CM2")
            {
                AddStaff(teacher, elementaire, Profile.Teacher);
            }

            AddTeaching(teacher, group, null);
        }

        var collegeClasses = new List<ClassGroup>();
        foreach (var (name, level, size, age) in new[] { ("6e A", "6e", 24, 11), ("6e B", "6e", 24, 11), ("5e A", "5e", 25, 12), ("4e A", "4e", 25, 13), ("3e A", "3e", 24, 14) })
        {
            var group = AddClass(college, year, name, level);
            classes.Add((group, size, startYear - age));
            collegeClasses.Add(group);
        }

        var subjects = new[] { "Français", "Histoire-géographie", "Anglais", "Sciences de la vie et de la Terre", "Physique-chimie", "Éducation physique et sportive", "Arts plastiques" };
        var collegeTeachers = subjects.Select(subject => (Subject: subject, Teacher: AddAccount(null, _faker.Name.FirstName(), _faker.Name.LastName(), Profile.Teacher, false))).ToList();
        collegeTeachers.Insert(0, ("Mathématiques", mathsTeacher));
        foreach (var (subject, teacher) in collegeTeachers.Skip(1))
        {
            AddStaff(teacher, college, Profile.Teacher);
        }

        foreach (var group in collegeClasses)
        {
            foreach (var (subject, teacher) in collegeTeachers)
            {
                AddTeaching(teacher, group, subject);
            }
        }

        var spanish = AddClass(college, year, "Espagnol LV2", "5e", ClassGroupKind.Group);
        AddTeaching(AddStaff(AddAccount(null, "Lucia", "Fernández", Profile.Teacher, false), college, Profile.Teacher), spanish, "Espagnol");

        // Pupils and families: siblings share guardians; some families have one guardian only.
        var cm2 = classes.Single(c => c.Class.Level == "CM2").Class;
        var sixiemeA = collegeClasses[0];
        var martin = AddFamily("Martin", twoGuardians: true, printedLogin: "parent.martin");
        AddPupil(martin, "eleve.lucas", "Lucas", cm2, startYear - 10);
        AddPupil(martin, null, "Léa", sixiemeA, startYear - 11);

        var pupilsOfSpanish = new List<Account>();
        foreach (var (group, size, birthYear) in classes)
        {
            var existingCount = db.Enrolments.Local.Count(e => e.ClassGroupId == group.Id);
            for (var i = existingCount; i < size; i++)
            {
                var lastName = _faker.Name.LastName();
                var family = _faker.Random.Bool(0.15f) && _families.Count > 0
                    ? _faker.PickRandom(_families)
                    : AddFamily(lastName, twoGuardians: _faker.Random.Bool(0.8f), printedLogin: null);
                var pupil = AddPupil(family, null, _faker.Name.FirstName(), group, birthYear);
                if (group.Level == "5e" && pupilsOfSpanish.Count < 14)
                {
                    pupilsOfSpanish.Add(pupil);
                }
            }
        }

        foreach (var pupil in pupilsOfSpanish)
        {
            db.Enrolments.Add(new Enrolment { ClassGroupId = spanish.Id, PupilId = pupil.Id, StartsOn = year.StartsOn });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (territory.Id, true);
    }

    public async Task<(IReadOnlyList<DemoLogin> Logins, string Password)> LoginsAsync(CancellationToken cancellationToken)
    {
        var logins = Printed.Select(p => p.Login).ToList();
        var present = await db.Accounts.IgnoreQueryFilters().Where(a => logins.Contains(a.UserName!) && a.PasswordHash != null).Select(a => a.UserName!).ToListAsync(cancellationToken);
        return (Printed.Where(p => present.Contains(p.Login)).Select(p => new DemoLogin(p.Profile, p.Login, p.Note)).ToList(), DemoPassword);
    }

    private readonly List<List<Account>> _families = [];

    private List<Account> AddFamily(string lastName, bool twoGuardians, string? printedLogin)
    {
        var guardians = new List<Account>();
        var firstName = printedLogin is null ? _faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female) : "Nathalie";
        var first = AddAccount(printedLogin, firstName, lastName, Profile.Guardian, printedLogin is not null);
        first.Email = $"{first.UserName}@familles.valmont.localhost";
        guardians.Add(first);
        if (twoGuardians)
        {
            var second = AddAccount(null, _faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male), _faker.Random.Bool(0.7f) ? lastName : _faker.Name.LastName(), Profile.Guardian, false);
            second.Email = $"{second.UserName}@familles.valmont.localhost";
            guardians.Add(second);
        }

        _families.Add(guardians);
        return guardians;
    }

    private Account AddPupil(List<Account> family, string? login, string firstName, ClassGroup group, int birthYear)
    {
        var pupil = AddAccount(login, firstName, family[0].LastName, Profile.Pupil, login is not null);
        pupil.BirthDate = new DateOnly(birthYear, _faker.Random.Int(1, 12), _faker.Random.Int(1, 28));
        db.Enrolments.Add(new Enrolment { ClassGroupId = group.Id, PupilId = pupil.Id });
        for (var i = 0; i < family.Count; i++)
        {
            db.GuardianLinks.Add(new GuardianLink
            {
                GuardianId = family[i].Id,
                PupilId = pupil.Id,
                Relation = i == 0 ? GuardianRelation.Mother : GuardianRelation.Father,
                HasParentalAuthority = true,
            });
        }

        return pupil;
    }

    private School AddSchool(string digits, string name, SchoolKind kind, string street, double latitude, double longitude)
    {
        var school = new School
        {
            TerritoryId = _territoryId,
            Uai = Uai.WithCheckLetter(digits),
            Name = name,
            Kind = kind,
            Street = street,
            PostalCode = "95450",
            City = "Valmont",
            Latitude = latitude,
            Longitude = longitude,
        };
        db.Schools.Add(school);
        return school;
    }

    private ClassGroup AddClass(School school, SchoolYear year, string name, string? level, ClassGroupKind kind = ClassGroupKind.Class)
    {
        var group = new ClassGroup { SchoolId = school.Id, SchoolYearId = year.Id, Name = name, Level = level, Kind = kind };
        db.ClassGroups.Add(group);
        return group;
    }

    private Account AddStaff(Account account, School school, Profile profile)
    {
        db.StaffAssignments.Add(new StaffAssignment { AccountId = account.Id, SchoolId = school.Id, Profile = profile });
        return account;
    }

    private void AddTeaching(Account teacher, ClassGroup group, string? subject) =>
        db.TeachingAssignments.Add(new TeachingAssignment { TeacherId = teacher.Id, ClassGroupId = group.Id, Subject = subject });

    private Account AddAccount(string? login, string firstName, string lastName, Profile profiles, bool withPassword)
    {
        var userName = login ?? LoginNames.Unique(firstName, lastName, _logins);
        _logins.Add(userName);
        var account = new Account
        {
            TerritoryId = _territoryId,
            UserName = userName,
            NormalizedUserName = normalizer.NormalizeName(userName),
            FirstName = firstName,
            LastName = lastName,
            Profiles = profiles,
            CreatedAt = _now,
            LockoutEnabled = true,
        };
        if (withPassword)
        {
            account.PasswordHash = hasher.HashPassword(account, DemoPassword);
            account.TermsAcceptedAt = _now;
        }

        db.Accounts.Add(account);
        return account;
    }
}

/// <summary>Logins in the usual French ENT form: prenom.nom, without accents, with a number when taken.</summary>
internal static class LoginNames
{
    public static string Unique(string firstName, string lastName, ISet<string> taken)
    {
        var stem = Stem(firstName, lastName);
        var login = stem;
        for (var n = 2; taken.Contains(login); n++)
        {
            login = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return login;
    }

    /// <summary>"prenom.nom", before any number that tells homonyms apart.</summary>
    public static string Stem(string firstName, string lastName)
    {
        var stem = $"{Simplify(firstName)}.{Simplify(lastName)}";
        return stem.Length > 90 ? stem[..90] : stem;
    }

    public static string Simplify(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '-' or ' ' or '\'')
            {
                builder.Append('-');
            }
        }

        var simple = builder.ToString().Trim('-');
        return simple.Length == 0 ? "utilisateur" : simple;
    }
}
