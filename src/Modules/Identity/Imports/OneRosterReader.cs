using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Schools;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>
/// Reads a 1EdTech OneRoster 1.2 bulk CSV set (CSV Binding 1.2.1): manifest.csv, orgs.csv,
/// academicSessions.csv, classes.csv, users.csv, roles.csv, demographics.csv and enrollments.csv, in the
/// order their references need. Schools are orgs of type "school" whose identifier is the UAI; guardians
/// are users with the role parent, guardian or relative, linked to pupils through agentSourcedIds
/// (either direction). docs/imports.md maps every column.
/// </summary>
internal sealed class OneRosterReader(RosterScope scope, RosterIssues issues, ImportProgress progress)
{
    public const string ManifestFile = "manifest.csv";
    public const string OrgsFile = "orgs.csv";
    public const string SessionsFile = "academicSessions.csv";
    public const string ClassesFile = "classes.csv";
    public const string UsersFile = "users.csv";
    public const string RolesFile = "roles.csv";
    public const string DemographicsFile = "demographics.csv";
    public const string EnrollmentsFile = "enrollments.csv";

    /// <summary>The files read, in the order their references need.</summary>
    public static readonly IReadOnlyList<string> DataFiles = [OrgsFile, SessionsFile, ClassesFile, UsersFile, RolesFile, DemographicsFile, EnrollmentsFile];

    /// <summary>Files without which there is nothing to import.</summary>
    private static readonly string[] RequiredFiles = [OrgsFile, UsersFile, RolesFile];

    public static readonly string MissingManifest = Text.Fr("L’archive ne contient pas de manifest.csv : ce n’est pas un export OneRoster.");
    public static readonly string WrongVersion = Text.Fr("L’export est en OneRoster « {0} » : Préau lit OneRoster 1.2.");
    public static readonly string DeltaNotSupported = Text.Fr("« {0} » est un export delta : Préau importe des exports complets (bulk).");
    public static readonly string MissingFile = Text.Fr("Le fichier « {0} » manque dans l’archive (obligatoire, ou annoncé par manifest.csv).");
    public static readonly string NotASchool = Text.Fr("« {0} » n’est pas un établissement (org de type school).");
    public static readonly string GuardianWithoutPupil = Text.Fr("Ce responsable n’est lié à aucun élève importé.");
    public static readonly string IgnoredAgent = Text.Fr("Lien ignoré : « {0} » ne correspond à aucun élève ou responsable importé.");
    public static readonly string LevelIgnored = Text.Fr("Niveau inconnu « {0} » : la classe est importée sans niveau.");

    private static class Manifest
    {
        public static readonly CsvColumn Property = new("propertyName", true);
        public static readonly CsvColumn Value = new("value", true);
    }

    private static class Org
    {
        public static readonly CsvColumn SourcedId = new("sourcedId", true);
        public static readonly CsvColumn Status = new("status", false);
        public static readonly CsvColumn Name = new("name", true);
        public static readonly CsvColumn Type = new("type", true);
        public static readonly CsvColumn Identifier = new("identifier", false);
        public static readonly CsvColumn[] All = [SourcedId, Status, Name, Type, Identifier];
    }

    private static class Session
    {
        public static readonly CsvColumn SourcedId = new("sourcedId", true);
        public static readonly CsvColumn Status = new("status", false);
        public static readonly CsvColumn Title = new("title", true);
        public static readonly CsvColumn Type = new("type", true);
        public static readonly CsvColumn StartDate = new("startDate", true);
        public static readonly CsvColumn EndDate = new("endDate", true);
        public static readonly CsvColumn Parent = new("parentSourcedId", false);
        public static readonly CsvColumn SchoolYear = new("schoolYear", false);
        public static readonly CsvColumn[] All = [SourcedId, Status, Title, Type, StartDate, EndDate, Parent, SchoolYear];
    }

    private static class Class
    {
        public static readonly CsvColumn SourcedId = new("sourcedId", true);
        public static readonly CsvColumn Status = new("status", false);
        public static readonly CsvColumn Title = new("title", true);
        public static readonly CsvColumn Grades = new("grades", false);
        public static readonly CsvColumn ClassType = new("classType", true);
        public static readonly CsvColumn School = new("schoolSourcedId", true);
        public static readonly CsvColumn Terms = new("termSourcedIds", true);
        public static readonly CsvColumn Subjects = new("subjects", false);
        public static readonly CsvColumn[] All = [SourcedId, Status, Title, Grades, ClassType, School, Terms, Subjects];
    }

    private static class User
    {
        public static readonly CsvColumn SourcedId = new("sourcedId", true);
        public static readonly CsvColumn Status = new("status", false);
        public static readonly CsvColumn Enabled = new("enabledUser", false);
        public static readonly CsvColumn GivenName = new("givenName", true);
        public static readonly CsvColumn FamilyName = new("familyName", true);
        public static readonly CsvColumn PreferredGivenName = new("preferredGivenName", false);
        public static readonly CsvColumn PreferredFamilyName = new("preferredFamilyName", false);
        public static readonly CsvColumn Email = new("email", false);
        public static readonly CsvColumn Phone = new("phone", false);
        public static readonly CsvColumn Sms = new("sms", false);
        public static readonly CsvColumn Agents = new("agentSourcedIds", false);
        public static readonly CsvColumn[] All = [SourcedId, Status, Enabled, GivenName, FamilyName, PreferredGivenName, PreferredFamilyName, Email, Phone, Sms, Agents];
    }

    private static class Role
    {
        public static readonly CsvColumn SourcedId = new("sourcedId", true);
        public static readonly CsvColumn Status = new("status", false);
        public static readonly CsvColumn User = new("userSourcedId", true);
        public static readonly CsvColumn Name = new("role", true);
        public static readonly CsvColumn EndDate = new("endDate", false);
        public static readonly CsvColumn Org = new("orgSourcedId", true);
        public static readonly CsvColumn[] All = [SourcedId, Status, User, Name, EndDate, Org];
    }

    private static class Demographic
    {
        public static readonly CsvColumn SourcedId = new("sourcedId", true);
        public static readonly CsvColumn Status = new("status", false);
        public static readonly CsvColumn BirthDate = new("birthDate", false);
        public static readonly CsvColumn Sex = new("sex", false);
        public static readonly CsvColumn[] All = [SourcedId, Status, BirthDate, Sex];
    }

    private static class Enrollment
    {
        public static readonly CsvColumn SourcedId = new("sourcedId", true);
        public static readonly CsvColumn Status = new("status", false);
        public static readonly CsvColumn Class = new("classSourcedId", true);
        public static readonly CsvColumn User = new("userSourcedId", true);
        public static readonly CsvColumn Role = new("role", true);
        public static readonly CsvColumn EndDate = new("endDate", false);

        /// <summary>Préau's extension column (CSV Binding: "metadata." columns): the subject a teacher teaches in that class.</summary>
        public static readonly CsvColumn Subject = new("metadata.preau.subject", false);
        public static readonly CsvColumn[] All = [SourcedId, Status, Class, User, Role, EndDate, Subject];
    }

    /// <summary>Guardian roles, strongest first: a parent or a guardian holds parental authority; a relative does not.</summary>
    private enum GuardianRole
    {
        None,
        Relative,
        Guardian,
        Parent,
    }

    /// <summary>A user line as read, before roles and links decide whether it is imported.</summary>
    private sealed class UserRow(RosterPerson person, int line, string? agents)
    {
        public RosterPerson Person { get; } = person;

        public int Line { get; } = line;

        public string? Agents { get; } = agents;

        public GuardianRole GuardianRole { get; set; }

        /// <summary>Whether a valid role of the file gives the user a profile Préau imports.</summary>
        public bool HasRole => Person.Profiles != Profile.None;

        public int Index { get; set; } = -1;
    }

    private sealed record SessionRow(string Type, DateOnly StartsOn, DateOnly EndsOn, string? Parent, string? SchoolYear);

    private readonly Dictionary<string, int> _schools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _uais = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _outOfScopeSchools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _years = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _outOfScopeClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _classSubjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRow> _users = new(StringComparer.Ordinal);
    private readonly List<(string User, int School, Profile Profile)> _staff = [];
    private readonly List<(string User, int Class)> _enrolments = [];
    private readonly List<(string User, int Class, string? Subject)> _teaching = [];
    private readonly Dictionary<(string User, string Year), string> _homeroomOf = [];

    public Roster Read(RosterArchive archive, IReadOnlyDictionary<string, RosterEncoding> encodings, CancellationToken cancellationToken)
    {
        CheckManifest(archive, encodings, cancellationToken);
        var roster = new Roster(RosterCoverage.Families | RosterCoverage.Schools | RosterCoverage.Staff);
        ReadFile(archive, encodings, OrgsFile, Org.All, table => ReadOrg(table, roster), cancellationToken);
        var sessions = new Dictionary<string, SessionRow>(StringComparer.Ordinal);
        ReadFile(archive, encodings, SessionsFile, Session.All, table => ReadSession(table, sessions), cancellationToken);
        ResolveYears(sessions, roster);
        ReadFile(archive, encodings, ClassesFile, Class.All, table => ReadClass(table, roster), cancellationToken);
        ReadFile(archive, encodings, UsersFile, User.All, table => ReadUser(table, roster), cancellationToken);
        ReadFile(archive, encodings, RolesFile, Role.All, table => ReadRole(table, roster), cancellationToken);
        ReadFile(archive, encodings, DemographicsFile, Demographic.All, ReadDemographic, cancellationToken);
        ReadFile(archive, encodings, EnrollmentsFile, Enrollment.All, table => ReadEnrollment(table, roster), cancellationToken);
        Complete(roster);
        return roster;
    }

    private void CheckManifest(RosterArchive archive, IReadOnlyDictionary<string, RosterEncoding> encodings, CancellationToken cancellationToken)
    {
        if (!archive.Contains(ManifestFile))
        {
            throw new RosterFileException(MissingManifest);
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ReadFile(archive, encodings, ManifestFile, [Manifest.Property, Manifest.Value], table =>
        {
            if (table[Manifest.Property] is { } name)
            {
                properties[name] = table[Manifest.Value] ?? string.Empty;
            }
        }, cancellationToken);

        var version = properties.GetValueOrDefault("oneroster.version") ?? string.Empty;
        if (version is not ("1.2" or "1.2.1"))
        {
            throw new RosterFileException(WrongVersion, version);
        }

        foreach (var file in RequiredFiles.Concat(DataFiles).Distinct())
        {
            var mode = properties.GetValueOrDefault("file." + file[..^".csv".Length])?.ToLowerInvariant();
            if (mode == "delta")
            {
                throw new RosterFileException(DeltaNotSupported, file);
            }

            if ((mode == "bulk" || RequiredFiles.Contains(file)) && !archive.Contains(file))
            {
                throw new RosterFileException(MissingFile, file);
            }
        }
    }

    private void ReadFile(RosterArchive archive, IReadOnlyDictionary<string, RosterEncoding> encodings, string file, IReadOnlyList<CsvColumn> columns, Action<CsvTable> readLine, CancellationToken cancellationToken)
    {
        if (!archive.Contains(file))
        {
            return;
        }

        using var stream = archive.OpenEntry(file);
        using var table = CsvTable.Open(stream, file, encodings[file], columns, issues, progress);
        while (table.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            readLine(table);
        }
    }

    /// <summary>In a bulk file, "tobedeleted" records are as good as absent (CSV Binding, status).</summary>
    private static bool IsDeleted(CsvTable table, CsvColumn status) =>
        string.Equals(table[status], "tobedeleted", StringComparison.OrdinalIgnoreCase);

    private void ReadOrg(CsvTable table, Roster roster)
    {
        if (IsDeleted(table, Org.Status) || !Identifier(table, Org.SourcedId, out var sourcedId))
        {
            return;
        }

        if (!string.Equals(table[Org.Type], "school", StringComparison.OrdinalIgnoreCase))
        {
            // The district, the département…: the territory itself, nothing to import.
            return;
        }

        if (_schools.ContainsKey(sourcedId) || _outOfScopeSchools.ContainsKey(sourcedId))
        {
            table.Reject(Org.SourcedId, RosterIssues.DuplicateId, sourcedId);
            return;
        }

        if (!Required(table, Org.Identifier, out var identifier) || !Required(table, Org.Name, out var name))
        {
            return;
        }

        if (Uai.Normalize(identifier) is not { } uai)
        {
            table.Reject(Org.Identifier, RosterIssues.InvalidUai, identifier);
            return;
        }

        if (!RosterRules.IsValidName(name))
        {
            table.Reject(Org.Name, RosterIssues.InvalidName);
            return;
        }

        var existing = scope.BySourcedId(sourcedId) ?? scope.ByUai(uai);
        if (!scope.Covers(existing?.Id))
        {
            _outOfScopeSchools[sourcedId] = uai;
            table.Reject(Org.Identifier, RosterIssues.OutOfScope, uai);
            return;
        }

        if (!_uais.Add(uai))
        {
            table.Reject(Org.Identifier, RosterIssues.DuplicateId, uai);
            return;
        }

        roster.Schools.Add(new RosterSchool(sourcedId, uai, name, existing?.Id));
        _schools[sourcedId] = roster.Schools.Count - 1;
    }

    private static void ReadSession(CsvTable table, Dictionary<string, SessionRow> sessions)
    {
        if (IsDeleted(table, Session.Status) || !Identifier(table, Session.SourcedId, out var sourcedId))
        {
            return;
        }

        if (sessions.ContainsKey(sourcedId))
        {
            table.Reject(Session.SourcedId, RosterIssues.DuplicateId, sourcedId);
            return;
        }

        if (!Required(table, Session.Type, out var type) || !Date(table, Session.StartDate, out var startsOn) || !Date(table, Session.EndDate, out var endsOn))
        {
            return;
        }

        if (endsOn < startsOn)
        {
            table.Reject(Session.EndDate, RosterIssues.DatesOutOfOrder);
            return;
        }

        sessions[sourcedId] = new SessionRow(type, startsOn, endsOn, table[Session.Parent], table[Session.SchoolYear]);
    }

    /// <summary>
    /// Each session belongs to a school year: the schoolYear session above it (through parentSourcedId),
    /// else the year its schoolYear field names (OneRoster writes the year it ends: "2027" for 2026-2027),
    /// else the year its start date falls in.
    /// </summary>
    private void ResolveYears(Dictionary<string, SessionRow> sessions, Roster roster)
    {
        foreach (var (sourcedId, session) in sessions)
        {
            var current = session;
            for (var depth = 0; depth < 5 && !IsSchoolYear(current) && current.Parent is { } parent && sessions.TryGetValue(parent, out var up); depth++)
            {
                current = up;
            }

            int startYear;
            DateOnly startsOn, endsOn;
            if (IsSchoolYear(current))
            {
                startYear = current.StartsOn.Month >= 8 ? current.StartsOn.Year : current.StartsOn.Year - 1;
                (startsOn, endsOn) = (current.StartsOn, current.EndsOn);
            }
            else
            {
                startYear = int.TryParse(session.SchoolYear, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ending) && ending is > 1990 and < 2200
                    ? ending - 1
                    : (session.StartsOn.Month >= 8 ? session.StartsOn.Year : session.StartsOn.Year - 1);
                (startsOn, endsOn) = RosterRules.DefaultSchoolYearDates(startYear);
            }

            var label = RosterRules.SchoolYearLabel(startYear);
            _years[sourcedId] = label;
            if (!roster.Years.ContainsKey(label) || IsSchoolYear(current))
            {
                roster.Years[label] = new RosterYear(label, startsOn, endsOn);
            }
        }

        static bool IsSchoolYear(SessionRow row) => string.Equals(row.Type, "schoolYear", StringComparison.OrdinalIgnoreCase);
    }

    private void ReadClass(CsvTable table, Roster roster)
    {
        if (IsDeleted(table, Class.Status) || !Identifier(table, Class.SourcedId, out var sourcedId))
        {
            return;
        }

        roster.MentionedKeys.Add(sourcedId);
        if (roster.ClassByKey.ContainsKey(sourcedId) || _outOfScopeClasses.ContainsKey(sourcedId))
        {
            table.Reject(Class.SourcedId, RosterIssues.DuplicateId, sourcedId);
            return;
        }

        if (!Required(table, Class.School, out var schoolId) || !Required(table, Class.Title, out var title) || !Required(table, Class.Terms, out var terms)
            || !Required(table, Class.ClassType, out var classType))
        {
            return;
        }

        if (!SchoolIndex(roster, schoolId, out var school))
        {
            if (_outOfScopeSchools.TryGetValue(schoolId, out var otherUai))
            {
                _outOfScopeClasses[sourcedId] = otherUai;
                table.Reject(Class.School, RosterIssues.OutOfScope, otherUai);
            }
            else
            {
                table.Reject(Class.School, RosterIssues.UnknownReference, schoolId);
            }

            return;
        }

        if (!RosterRules.IsValidIdentifier(title))
        {
            table.Reject(Class.Title, RosterIssues.InvalidIdentifier);
            return;
        }

        var kind = classType.ToLowerInvariant() switch
        {
            "homeroom" => ClassGroupKind.Class,
            "scheduled" => ClassGroupKind.Group,
            _ => (ClassGroupKind?)null,
        };
        if (kind is null)
        {
            table.Reject(Class.ClassType, RosterIssues.UnknownValue, classType);
            return;
        }

        var term = List(terms).FirstOrDefault() ?? string.Empty;
        if (!_years.TryGetValue(term, out var yearLabel))
        {
            table.Reject(Class.Terms, RosterIssues.UnknownReference, term);
            return;
        }

        var levels = new List<string>();
        foreach (var grade in List(table[Class.Grades]))
        {
            if (RosterRules.NormalizeLevel(grade) is { } level)
            {
                levels.Add(level);
            }
            else
            {
                table.Reject(Class.Grades, LevelIgnored, grade);
            }
        }

        var ordered = levels.Distinct().OrderBy(l => Levels.All.ToList().IndexOf(l)).ToList();
        roster.Schools[school].Levels.UnionWith(ordered);
        var levelText = ordered.Count == 0 ? null : string.Join('-', ordered);
        roster.AddClass(new RosterClass(sourcedId, school, yearLabel, title, levelText is { Length: > 20 } ? levelText[..20] : levelText, kind.Value));
        _classSubjects[sourcedId] = List(table[Class.Subjects]).FirstOrDefault();
    }

    /// <summary>A school of the file, or one of the territory already imported under this sourcedId.</summary>
    private bool SchoolIndex(Roster roster, string sourcedId, out int index)
    {
        if (_schools.TryGetValue(sourcedId, out index))
        {
            return true;
        }

        if (scope.BySourcedId(sourcedId) is not { } existing)
        {
            return false;
        }

        if (!scope.Covers(existing.Id))
        {
            _outOfScopeSchools[sourcedId] = existing.Uai;
            return false;
        }

        roster.Schools.Add(new RosterSchool(null, existing.Uai, null, existing.Id));
        index = _schools[sourcedId] = roster.Schools.Count - 1;
        return true;
    }

    private void ReadUser(CsvTable table, Roster roster)
    {
        if (IsDeleted(table, User.Status) || !Identifier(table, User.SourcedId, out var sourcedId))
        {
            return;
        }

        // A disabled user is not imported: absent from a territory import, the account is deactivated.
        if (RosterRules.ParseYesNo(table[User.Enabled] ?? "true") == false)
        {
            return;
        }

        roster.MentionedKeys.Add(sourcedId);
        if (_users.ContainsKey(sourcedId))
        {
            table.Reject(User.SourcedId, RosterIssues.DuplicateId, sourcedId);
            return;
        }

        // The name in use ("nom d’usage", "prénom d’usage") when the file gives one.
        var firstName = table[User.PreferredGivenName] ?? table[User.GivenName];
        var lastName = table[User.PreferredFamilyName] ?? table[User.FamilyName];
        if (firstName is null || lastName is null)
        {
            table.Reject(firstName is null ? User.GivenName : User.FamilyName, RosterIssues.MissingValue);
            return;
        }

        if (!RosterRules.IsValidName(firstName) || !RosterRules.IsValidName(lastName))
        {
            table.Reject(User.FamilyName, RosterIssues.InvalidName);
            return;
        }

        var email = table[User.Email];
        if (email is not null && !RosterRules.IsValidEmail(email))
        {
            table.Reject(User.Email, RosterIssues.InvalidEmail);
            return;
        }

        string? phone = null;
        var phoneColumn = table[User.Phone] is not null ? User.Phone : User.Sms;
        if (table[phoneColumn] is { } phoneText && (phone = RosterRules.NormalizePhone(phoneText)) is null)
        {
            table.Reject(phoneColumn, RosterIssues.InvalidPhone);
            return;
        }

        _users[sourcedId] = new UserRow(new RosterPerson(sourcedId, firstName, lastName) { Email = email, Phone = phone }, table.Line, table[User.Agents]);
    }

    private void ReadRole(CsvTable table, Roster roster)
    {
        if (IsDeleted(table, Role.Status) || !Required(table, Role.User, out var userId) || !Required(table, Role.Name, out var role) || !Required(table, Role.Org, out var orgId))
        {
            return;
        }

        if (table[Role.EndDate] is { } endText && RosterRules.TryParseDate(endText, out var endsOn) && endsOn < scope.Today)
        {
            // An ended role gives no right today.
            return;
        }

        if (!_users.TryGetValue(userId, out var user))
        {
            if (!roster.MentionedKeys.Contains(userId))
            {
                table.Reject(Role.User, RosterIssues.UnknownReference, userId);
            }

            return;
        }

        var (profile, guardianRole) = ProfileOf(role);
        if (profile == Profile.None)
        {
            table.Reject(Role.Name, RosterIssues.UnsupportedRole, role);
            return;
        }

        if (profile == Profile.Guardian)
        {
            // A guardian's scope is the pupils they are linked to; the org of the role does not matter.
            user.Person.Profiles |= Profile.Guardian;
            user.GuardianRole = (GuardianRole)Math.Max((int)user.GuardianRole, (int)guardianRole);
            return;
        }

        if (_outOfScopeSchools.TryGetValue(orgId, out var otherUai))
        {
            table.Reject(Role.Org, RosterIssues.OutOfScope, otherUai);
            return;
        }

        if (!_schools.TryGetValue(orgId, out var school))
        {
            table.Reject(Role.Org, NotASchool, orgId);
            return;
        }

        user.Person.Profiles |= profile;
        if (profile != Profile.Pupil)
        {
            _staff.Add((userId, school, profile));
        }
    }

    /// <summary>
    /// OneRoster roles (RoleEnum of 1.2, and Préau's "ext:animateur" extension) as Préau profiles.
    /// Administrators are never imported: a file must not be able to grant administration rights.
    /// </summary>
    private static (Profile Profile, GuardianRole GuardianRole) ProfileOf(string role) => role.ToLowerInvariant() switch
    {
        "student" => (Profile.Pupil, GuardianRole.None),
        "parent" => (Profile.Guardian, GuardianRole.Parent),
        "guardian" => (Profile.Guardian, GuardianRole.Guardian),
        "relative" => (Profile.Guardian, GuardianRole.Relative),
        "teacher" => (Profile.Teacher, GuardianRole.None),
        "principal" => (Profile.Head, GuardianRole.None),
        "counselor" or "aide" or "proctor" => (Profile.SchoolLifeStaff, GuardianRole.None),
        "ext:animateur" or "ext:periscolaire" => (Profile.AfterSchoolStaff, GuardianRole.None),
        _ => (Profile.None, GuardianRole.None),
    };

    private void ReadDemographic(CsvTable table)
    {
        if (IsDeleted(table, Demographic.Status) || !Identifier(table, Demographic.SourcedId, out var sourcedId) || !_users.TryGetValue(sourcedId, out var user))
        {
            return;
        }

        user.Person.Sex = table[Demographic.Sex]?.ToLowerInvariant() switch
        {
            "female" => "female",
            "male" => "male",
            _ => null,
        };
        if (table[Demographic.BirthDate] is not { } birthText)
        {
            return;
        }

        if (!RosterRules.TryParseDate(birthText, out var birthDate))
        {
            table.Reject(Demographic.BirthDate, RosterIssues.InvalidDate);
            return;
        }

        if (user.Person.Profiles.HasFlag(Profile.Pupil) && !RosterRules.IsPlausiblePupilBirthDate(birthDate, scope.Today))
        {
            table.Reject(Demographic.BirthDate, RosterIssues.ImplausibleBirthDate);
            return;
        }

        user.Person.BirthDate = birthDate;
    }

    private void ReadEnrollment(CsvTable table, Roster roster)
    {
        if (IsDeleted(table, Enrollment.Status) || !Required(table, Enrollment.Class, out var classId) || !Required(table, Enrollment.User, out var userId)
            || !Required(table, Enrollment.Role, out var role))
        {
            return;
        }

        if (table[Enrollment.EndDate] is { } endText && RosterRules.TryParseDate(endText, out var endsOn) && endsOn < scope.Today)
        {
            return;
        }

        if (_outOfScopeClasses.TryGetValue(classId, out var otherUai))
        {
            table.Reject(Enrollment.Class, RosterIssues.OutOfScope, otherUai);
            return;
        }

        if (!roster.ClassByKey.TryGetValue(classId, out var classIndex))
        {
            table.Reject(Enrollment.Class, RosterIssues.UnknownReference, classId);
            return;
        }

        if (!_users.TryGetValue(userId, out var user) || !user.HasRole)
        {
            table.Reject(Enrollment.User, RosterIssues.UnknownReference, userId);
            return;
        }

        var group = roster.Classes[classIndex];
        switch (role.ToLowerInvariant())
        {
            case "student" when user.Person.Profiles.HasFlag(Profile.Pupil):
                if (group.Kind == ClassGroupKind.Class && !_homeroomOf.TryAdd((userId, group.YearLabel), group.Name))
                {
                    table.Reject(Enrollment.Class, RosterIssues.SecondClassSameYear, _homeroomOf[(userId, group.YearLabel)]);
                    return;
                }

                _enrolments.Add((userId, classIndex));
                break;
            case "teacher" when (user.Person.Profiles & (Profile.Teacher | Profile.Head)) != Profile.None:
                // A head who also teaches (most directeurs d’école do) becomes a teacher of the school too.
                if (!user.Person.Profiles.HasFlag(Profile.Teacher))
                {
                    user.Person.Profiles |= Profile.Teacher;
                    _staff.Add((userId, group.School, Profile.Teacher));
                }

                var subject = table[Enrollment.Subject] ?? _classSubjects.GetValueOrDefault(classId);
                _teaching.Add((userId, classIndex, subject is { Length: > 100 } ? subject[..100] : subject));
                break;
            case "student" or "teacher":
                table.Reject(Enrollment.User, RosterIssues.WrongRoleForReference, userId);
                break;
            default:
                table.Reject(Enrollment.Role, RosterIssues.UnsupportedRole, role);
                break;
        }
    }

    /// <summary>Links guardians and pupils, then keeps the users that have something to be imported for.</summary>
    private void Complete(Roster roster)
    {
        var links = new Dictionary<(string Guardian, string Pupil), int>();
        foreach (var (key, user) in _users.Where(u => u.Value.HasRole))
        {
            foreach (var agent in List(user.Agents))
            {
                if (_users.TryGetValue(agent, out var other) && other.HasRole)
                {
                    var (guardian, pupil) = user.Person.Profiles.HasFlag(Profile.Pupil) ? (agent, key) : (key, agent);
                    if (_users[guardian].GuardianRole != GuardianRole.None && _users[pupil].Person.Profiles.HasFlag(Profile.Pupil))
                    {
                        links.TryAdd((guardian, pupil), user.Line);
                        continue;
                    }
                }

                if (!roster.MentionedKeys.Contains(agent) || (_users.TryGetValue(agent, out var known) && known.HasRole))
                {
                    issues.Reject(UsersFile, user.Line, User.Agents.Name, IgnoredAgent, agent);
                }
            }
        }

        var linked = links.Keys.Select(l => l.Guardian).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, user) in _users.OrderBy(u => u.Value.Line))
        {
            var profiles = user.Person.Profiles;
            if (profiles == Profile.Guardian && !linked.Contains(key))
            {
                issues.Reject(UsersFile, user.Line, null, GuardianWithoutPupil);
                continue;
            }

            if (profiles == Profile.None)
            {
                issues.Reject(UsersFile, user.Line, null, RosterIssues.NoRoleInScope);
                continue;
            }

            user.Index = roster.AddPerson(user.Person);
        }


        foreach (var (userId, school, profile) in _staff.Distinct())
        {
            if (_users[userId].Index >= 0)
            {
                roster.Staff.Add(new RosterStaff(_users[userId].Index, school, profile));
            }
        }

        foreach (var (userId, classIndex) in _enrolments.Distinct())
        {
            roster.Enrolments.Add(new RosterEnrolment(_users[userId].Index, classIndex));
        }

        foreach (var (userId, classIndex, subject) in _teaching.Distinct())
        {
            roster.Teaching.Add(new RosterTeaching(_users[userId].Index, classIndex, subject));
        }

        foreach (var ((guardianId, pupilId), _) in links)
        {
            var guardian = _users[guardianId];
            var relation = guardian.GuardianRole switch
            {
                GuardianRole.Parent => guardian.Person.Sex switch
                {
                    "female" => GuardianRelation.Mother,
                    "male" => GuardianRelation.Father,
                    _ => GuardianRelation.LegalGuardian,
                },
                GuardianRole.Guardian => GuardianRelation.LegalGuardian,
                _ => GuardianRelation.Other,
            };
            roster.Links.Add(new RosterLink(guardian.Index, _users[pupilId].Index, relation, guardian.GuardianRole != GuardianRole.Relative));
        }
    }

    /// <summary>A OneRoster list field: values separated by commas inside one (quoted) field.</summary>
    private static string[] List(string? field) =>
        field is null ? [] : field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool Required(CsvTable table, CsvColumn column, out string value)
    {
        value = table[column] ?? string.Empty;
        if (value.Length == 0)
        {
            table.Reject(column, RosterIssues.MissingValue);
            return false;
        }

        return true;
    }

    private static bool Identifier(CsvTable table, CsvColumn column, out string value)
    {
        if (!Required(table, column, out value))
        {
            return false;
        }

        if (!RosterRules.IsValidIdentifier(value))
        {
            table.Reject(column, RosterIssues.InvalidIdentifier);
            return false;
        }

        return true;
    }

    private static bool Date(CsvTable table, CsvColumn column, out DateOnly date)
    {
        date = default;
        if (!Required(table, column, out var text))
        {
            return false;
        }

        if (!RosterRules.TryParseDate(text, out date))
        {
            table.Reject(column, RosterIssues.InvalidDate);
            return false;
        }

        return true;
    }
}
