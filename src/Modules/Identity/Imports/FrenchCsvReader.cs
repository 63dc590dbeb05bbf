using System.Globalization;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Schools;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>
/// Reads Préau's French CSV (docs/imports.md): one line per pupil, with the school's UAI, the class, the
/// pupil and up to two guardians, as ONDE and SIECLE exports give them. Pupils are keyed by their INE;
/// classes and guardians, which have no identifier there, by keys derived from what identifies them.
/// </summary>
internal sealed class FrenchCsvReader(RosterScope scope, RosterIssues issues, ImportProgress progress)
{
    public static readonly CsvColumn Uai = new("uai", true, "code_uai", "uai_etablissement", "rne", "code_rne");
    public static readonly CsvColumn ClassName = new("classe", true, "nom_classe", "division", "libelle_classe");
    public static readonly CsvColumn Level = new("niveau", false, "niveau_classe");
    public static readonly CsvColumn LastName = new("nom", true, "nom_eleve", "nom_de_famille", "nom_famille");
    public static readonly CsvColumn FirstName = new("prenom", true, "prenom_eleve", "premier_prenom");
    public static readonly CsvColumn BirthDate = new("date_naissance", true, "date_de_naissance", "ne_le", "naissance");
    public static readonly CsvColumn Ine = new("ine", true, "identifiant_national", "identifiant_national_eleve", "numero_ine", "ine_eleve");
    public static readonly CsvColumn SchoolYear = new("annee_scolaire", false, "annee");

    /// <summary>The columns of guardian 1 or 2.</summary>
    internal sealed record GuardianColumns(CsvColumn Relation, CsvColumn LastName, CsvColumn FirstName, CsvColumn Email, CsvColumn Phone, CsvColumn Authority)
    {
        public static GuardianColumns For(int n) => new(
            new($"resp{n}_lien", false, $"resp{n}_civilite", $"responsable_{n}_lien", $"responsable_{n}_civilite", $"lien_resp{n}", $"civilite_resp{n}"),
            new($"resp{n}_nom", false, $"responsable_{n}_nom", $"nom_resp{n}"),
            new($"resp{n}_prenom", false, $"responsable_{n}_prenom", $"prenom_resp{n}"),
            new($"resp{n}_courriel", false, $"resp{n}_email", $"resp{n}_mail", $"responsable_{n}_courriel", $"courriel_resp{n}"),
            new($"resp{n}_telephone", false, $"resp{n}_tel", $"resp{n}_portable", $"responsable_{n}_telephone", $"tel_resp{n}"),
            new($"resp{n}_autorite_parentale", false, $"resp{n}_autorite", $"responsable_{n}_autorite_parentale", $"autorite_parentale_resp{n}"));

        public IEnumerable<CsvColumn> All => [Relation, LastName, FirstName, Email, Phone, Authority];
    }

    public static readonly GuardianColumns Guardian1 = GuardianColumns.For(1);
    public static readonly GuardianColumns Guardian2 = GuardianColumns.For(2);

    public static readonly IReadOnlyList<CsvColumn> Columns =
        [Uai, ClassName, Level, LastName, FirstName, BirthDate, Ine, SchoolYear, .. Guardian1.All, .. Guardian2.All];

    public static readonly string DuplicatePupil = Text.Fr("Cet élève (même INE) apparaît déjà à la ligne {0}.");

    private readonly Dictionary<string, int> _pupilLines = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> _schoolIndexes = [];

    public Roster Read(Stream stream, string fileName, RosterEncoding encoding, CancellationToken cancellationToken)
    {
        var roster = new Roster(RosterCoverage.Families);
        using var table = CsvTable.Open(stream, fileName, encoding, Columns, issues, progress);
        var defaultYear = SchoolYearLabelFor(scope.Today);
        while (table.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadLine(table, roster, defaultYear);
        }

        return roster;
    }

    /// <summary>The school year a file without the column is for: from August, the year that starts (SchoolYear.LabelFor).</summary>
    private static int SchoolYearLabelFor(DateOnly today) => RosterRules.ParseSchoolYearLabel(Classes.SchoolYear.LabelFor(today))!.Value;

    private void ReadLine(CsvTable table, Roster roster, int defaultYear)
    {
        var ine = table[Ine]?.ToUpperInvariant();
        if (ine is not null && RosterRules.IsValidIne(ine))
        {
            // Known even if the line is rejected below: a typo elsewhere on the line must not deactivate the pupil.
            roster.MentionedKeys.Add(ine);
        }

        var school = ReadSchool(table, roster);
        if (school is null || !Required(table, Ine, ine, out var pupilId))
        {
            return;
        }

        if (!RosterRules.IsValidIne(pupilId))
        {
            table.Reject(Ine, RosterIssues.InvalidIne);
            return;
        }

        if (_pupilLines.TryGetValue(pupilId, out var firstLine))
        {
            table.Reject(Ine, DuplicatePupil, firstLine.ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (!Name(table, LastName, out var lastName) || !Name(table, FirstName, out var firstName)
            || !Required(table, BirthDate, table[BirthDate], out var birthText) || !Required(table, ClassName, table[ClassName], out var className))
        {
            return;
        }

        if (!RosterRules.TryParseDate(birthText, out var birthDate))
        {
            table.Reject(BirthDate, RosterIssues.InvalidDate);
            return;
        }

        if (!RosterRules.IsPlausiblePupilBirthDate(birthDate, scope.Today))
        {
            table.Reject(BirthDate, RosterIssues.ImplausibleBirthDate);
            return;
        }

        if (!RosterRules.IsValidIdentifier(className))
        {
            table.Reject(ClassName, RosterIssues.InvalidIdentifier);
            return;
        }

        string? level = null;
        if (table[Level] is { } levelText && (level = RosterRules.NormalizeLevel(levelText)) is null)
        {
            table.Reject(Level, RosterIssues.UnknownLevel, levelText);
            return;
        }

        var startYear = defaultYear;
        if (table[SchoolYear] is { } yearText)
        {
            if (RosterRules.ParseSchoolYearLabel(yearText) is not { } parsed)
            {
                table.Reject(SchoolYear, RosterIssues.InvalidSchoolYear, yearText);
                return;
            }

            startYear = parsed;
        }

        var guardians = new List<(RosterPerson Person, GuardianRelation Relation, bool Authority)>();
        foreach (var columns in new[] { Guardian1, Guardian2 })
        {
            if (!ReadGuardian(table, columns, pupilId, guardians))
            {
                return;
            }
        }

        // The line is valid: it goes into the roster.
        var yearLabel = RosterRules.SchoolYearLabel(startYear);
        if (!roster.Years.ContainsKey(yearLabel))
        {
            var (startsOn, endsOn) = RosterRules.DefaultSchoolYearDates(startYear);
            roster.Years[yearLabel] = new RosterYear(yearLabel, startsOn, endsOn);
        }

        var classKey = RosterRules.FrenchClassKey(school.Uai, yearLabel, className);
        if (!roster.ClassByKey.TryGetValue(classKey, out var classIndex))
        {
            classIndex = roster.AddClass(new RosterClass(classKey, SchoolIndex(roster, school), yearLabel, className, level, ClassGroupKind.Class));
        }

        _pupilLines[pupilId] = table.Line;
        var pupil = roster.AddPerson(new RosterPerson(pupilId, firstName, lastName) { BirthDate = birthDate, Profiles = Profile.Pupil });
        roster.Enrolments.Add(new RosterEnrolment(pupil, classIndex));
        foreach (var (person, relation, authority) in guardians)
        {
            if (!roster.PersonByKey.TryGetValue(person.Key, out var guardian))
            {
                guardian = roster.AddPerson(person);
            }
            else
            {
                // A sibling's line may be the one that has the contact details.
                roster.People[guardian].Email ??= person.Email;
                roster.People[guardian].Phone ??= person.Phone;
            }

            roster.Links.Add(new RosterLink(guardian, pupil, relation, authority));
        }
    }

    private ScopeSchool? ReadSchool(CsvTable table, Roster roster)
    {
        if (!Required(table, Uai, table[Uai], out var text))
        {
            return null;
        }

        if (Schools.Uai.Normalize(text) is not { } uai)
        {
            table.Reject(Uai, RosterIssues.InvalidUai, text);
            return null;
        }

        var school = scope.ByUai(uai);
        if (school is null)
        {
            table.Reject(Uai, RosterIssues.UnknownUai, uai);
            return null;
        }

        if (!scope.Covers(school.Id))
        {
            table.Reject(Uai, RosterIssues.OutOfScope, uai);
            return null;
        }

        if (!school.IsActive)
        {
            table.Reject(Uai, RosterIssues.InactiveSchool, uai);
            return null;
        }

        return school;
    }

    private int SchoolIndex(Roster roster, ScopeSchool school)
    {
        if (!_schoolIndexes.TryGetValue(school.Id, out var index))
        {
            roster.Schools.Add(new RosterSchool(null, school.Uai, null, school.Id));
            index = _schoolIndexes[school.Id] = roster.Schools.Count - 1;
        }

        return index;
    }

    /// <summary>Reads guardian 1 or 2 of the line; false when the line must be rejected.</summary>
    private static bool ReadGuardian(CsvTable table, GuardianColumns columns, string pupilIne, List<(RosterPerson, GuardianRelation, bool)> guardians)
    {
        if (columns.All.All(c => table[c] is null))
        {
            return true;
        }

        var lastName = table[columns.LastName];
        var firstName = table[columns.FirstName];
        if (lastName is null || firstName is null)
        {
            table.Reject(lastName is null ? columns.LastName : columns.FirstName, RosterIssues.IncompleteGuardian);
            return false;
        }

        if (!RosterRules.IsValidName(lastName) || !RosterRules.IsValidName(firstName))
        {
            table.Reject(columns.LastName, RosterIssues.InvalidName);
            return false;
        }

        var relation = GuardianRelation.LegalGuardian;
        if (table[columns.Relation] is { } relationText)
        {
            if (RosterRules.ParseRelation(relationText) is not { } parsed)
            {
                table.Reject(columns.Relation, RosterIssues.UnknownRelation, relationText);
                return false;
            }

            relation = parsed;
        }

        var email = table[columns.Email];
        if (email is not null && !RosterRules.IsValidEmail(email))
        {
            table.Reject(columns.Email, RosterIssues.InvalidEmail);
            return false;
        }

        string? phone = null;
        if (table[columns.Phone] is { } phoneText && (phone = RosterRules.NormalizePhone(phoneText)) is null)
        {
            table.Reject(columns.Phone, RosterIssues.InvalidPhone);
            return false;
        }

        var authority = true;
        if (table[columns.Authority] is { } authorityText)
        {
            if (RosterRules.ParseYesNo(authorityText) is not { } parsed)
            {
                table.Reject(columns.Authority, RosterIssues.InvalidYesNo, authorityText);
                return false;
            }

            authority = parsed;
        }

        var key = RosterRules.FrenchGuardianKey(lastName, firstName, email, phone, pupilIne);
        if (guardians.All(g => g.Item1.Key != key))
        {
            guardians.Add((new RosterPerson(key, firstName, lastName) { Email = email, Phone = phone, Profiles = Profile.Guardian }, relation, authority));
        }

        return true;
    }

    private static bool Required(CsvTable table, CsvColumn column, string? value, out string text)
    {
        text = value ?? string.Empty;
        if (value is null)
        {
            table.Reject(column, RosterIssues.MissingValue);
            return false;
        }

        return true;
    }

    private static bool Name(CsvTable table, CsvColumn column, out string name)
    {
        if (!Required(table, column, table[column], out name))
        {
            return false;
        }

        if (!RosterRules.IsValidName(name))
        {
            table.Reject(column, RosterIssues.InvalidName);
            return false;
        }

        return true;
    }
}
