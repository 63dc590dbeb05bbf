using System.Globalization;
using System.IO.Compression;
using Bogus;
using CsvHelper;
using Preau.Identity.Schools;
using Preau.Platform.Demo;

namespace Preau.Identity.Imports;

/// <summary>
/// Writes a realistic OneRoster 1.2 bulk set for a département-size territory (`preau generate-territory`):
/// French names (Bogus "fr"), valid UAI codes, écoles maternelles, élémentaires and primaires and collèges
/// in the proportions of a French département, classes per level (several levels in one class in small
/// écoles), a teacher per class in écoles and teachers of each subject in collèges, heads, school-life and
/// after-school staff, one or two guardians per pupil and siblings sharing them. Deterministic: the same
/// scale and seed give the same file.
/// </summary>
internal sealed class SyntheticRoster
{
    /// <summary>Accounts worth signing in with, by their sourcedId.</summary>
    public sealed record NotableAccounts(string GuardianOfTwo, string Teacher, string Head);

    private static readonly string[] NurseryLevels = ["PS", "MS", "GS"];
    private static readonly string[] ElementaryLevels = ["CP", "CE1", "CE2", "CM1", "CM2"];
    private static readonly string[] CollegeLevels = ["6e", "5e", "4e", "3e"];
    private static readonly Dictionary<string, int> Ages = new()
    {
        ["PS"] = 3, ["MS"] = 4, ["GS"] = 5, ["CP"] = 6, ["CE1"] = 7, ["CE2"] = 8, ["CM1"] = 9, ["CM2"] = 10, ["6e"] = 11, ["5e"] = 12, ["4e"] = 13, ["3e"] = 14,
    };

    /// <summary>OneRoster grades (CEDS codes) of the French levels, as RosterRules reads them back.</summary>
    private static readonly Dictionary<string, string> Grades = new()
    {
        ["PS"] = "PR", ["MS"] = "PK", ["GS"] = "KG", ["CP"] = "01", ["CE1"] = "02", ["CE2"] = "03", ["CM1"] = "04", ["CM2"] = "05", ["6e"] = "06", ["5e"] = "07", ["4e"] = "08", ["3e"] = "09",
    };

    private static readonly string[] CollegeSubjects =
        ["Français", "Mathématiques", "Histoire-géographie", "Anglais", "Sciences de la vie et de la Terre", "Physique-chimie", "Technologie", "Éducation physique et sportive", "Arts plastiques", "Éducation musicale"];

    private enum Kind
    {
        Maternelle,
        Elementaire,
        Primaire,
        College,
    }

    private sealed record SchoolRow(string SourcedId, string Uai, string Name, Kind Kind, int Commune, int Pupils);

    private sealed record ClassRow(int Index, string SourcedId, int School, string Title, string[] Levels, bool Homeroom, string? Subject);

    private sealed class Person(string sourcedId, string firstName, string lastName, bool female)
    {
        public string SourcedId { get; } = sourcedId;

        public string FirstName { get; } = firstName;

        public string LastName { get; set; } = lastName;

        public bool Female { get; } = female;

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public DateOnly? BirthDate { get; set; }

        public List<string> Agents { get; } = [];
    }

    private readonly Faker _faker;
    private readonly SyntheticScale _scale;
    private readonly int _startYear;
    private readonly List<SchoolRow> _schools = [];
    private readonly List<ClassRow> _classes = [];
    private readonly List<Person> _pupils = [];
    private readonly List<int> _pupilClass = [];
    private readonly List<Person> _guardians = [];
    private readonly List<(Person Person, int School, string Role)> _staff = [];
    private readonly List<(string User, int Class, string Role, string? Subject)> _enrollments = [];
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);

    public SyntheticRoster(SyntheticScale scale, int startYear)
    {
        _scale = scale;
        _startYear = startYear;
        _faker = new Faker("fr") { Random = new Randomizer(scale.Seed) };
    }

    /// <summary>Generates the territory and writes it as a OneRoster zip; returns the accounts to print.</summary>
    public async Task<NotableAccounts> WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        CreateSchools();
        CreateClassesAndPupils();
        var guardianOfTwo = CreateFamilies();
        var (teacher, head) = CreateStaff();
        await WriteZipAsync(destination, cancellationToken);
        return new NotableAccounts(guardianOfTwo, teacher, head);
    }

    /// <summary>
    /// Collèges differ in size: the first one is 2¼ times the average (a département's large collège, about
    /// 675 pupils at the issues' ratios: the benchmark's message to a whole school of 600 families), the
    /// others share the rest.
    /// </summary>
    private static int CollegeSize(int index, int colleges, int pupils)
    {
        var first = colleges == 1 ? pupils : Math.Min(pupils, 9 * pupils / (4 * colleges));
        if (index == 0)
        {
            return first;
        }

        var others = pupils - first;
        return others / (colleges - 1) + (index - 1 < others % (colleges - 1) ? 1 : 0);
    }

    private void CreateSchools()
    {
        // A French département: about one collège for nine écoles; écoles are maternelles, élémentaires or primaires.
        var colleges = Math.Max(1, (int)Math.Round(_scale.Schools * 0.1));
        var ecoles = Math.Max(0, _scale.Schools - colleges);
        var kinds = new List<Kind>();
        for (var i = 0; i < ecoles; i++)
        {
            kinds.Add((i % 5) switch { 0 or 1 => Kind.Maternelle, 2 or 3 => Kind.Elementaire, _ => Kind.Primaire });
        }

        kinds.AddRange(Enumerable.Repeat(Kind.College, colleges));
        // Collèges take about 30 % of the pupils; among écoles, élémentaires are larger than maternelles.
        var weights = kinds.Select(k => k switch { Kind.Maternelle => 0.8, Kind.Elementaire => 1.2, Kind.Primaire => 1.0, _ => 0.0 }).ToList();
        var collegePupils = ecoles == 0 ? _scale.Pupils : (int)(_scale.Pupils * 0.3);
        var ecolePupils = _scale.Pupils - collegePupils;
        var totalWeight = weights.Sum();
        var communes = Math.Max(1, _scale.Schools / 3);
        var communeNames = Enumerable.Range(0, communes).Select(_ => _faker.Address.City()).ToList();
        var allocated = 0;
        for (var i = 0; i < kinds.Count; i++)
        {
            var pupils = kinds[i] == Kind.College ? CollegeSize(i - ecoles, colleges, collegePupils) : (int)(ecolePupils * weights[i] / totalWeight);
            allocated += pupils;
            var commune = i % communes;
            var uai = Uai.WithCheckLetter("095" + (i + 1).ToString("D4", CultureInfo.InvariantCulture));
            var name = kinds[i] switch
            {
                Kind.Maternelle => $"École maternelle {_faker.Name.LastName()}",
                Kind.Elementaire => $"École élémentaire {_faker.Name.LastName()}",
                Kind.Primaire => $"École primaire {_faker.Name.LastName()}",
                _ => $"Collège {_faker.Name.FirstName()}-{_faker.Name.LastName()}",
            };
            _schools.Add(new SchoolRow("org-" + uai, uai, $"{name} ({communeNames[commune]})", kinds[i], commune, pupils));
        }

        // Rounding leftovers go to the first école (or collège).
        var first = _schools[0];
        _schools[0] = first with { Pupils = first.Pupils + _scale.Pupils - allocated };
    }

    private void CreateClassesAndPupils()
    {
        for (var s = 0; s < _schools.Count; s++)
        {
            var school = _schools[s];
            if (school.Pupils <= 0)
            {
                continue;
            }

            var levels = school.Kind switch
            {
                Kind.Maternelle => NurseryLevels,
                Kind.Elementaire => ElementaryLevels,
                Kind.Primaire => [.. NurseryLevels, .. ElementaryLevels],
                _ => CollegeLevels,
            };
            var classes = school.Kind == Kind.College
                ? DivisionsOfCollege(s, school, levels)
                : ClassesOfEcole(s, school, levels);
            var perClass = school.Pupils / classes.Count;
            var extra = school.Pupils % classes.Count;
            var firstPupil = _pupils.Count;
            for (var c = 0; c < classes.Count; c++)
            {
                var group = classes[c];
                for (var p = 0; p < perClass + (c < extra ? 1 : 0); p++)
                {
                    var level = group.Levels[p % group.Levels.Length];
                    var female = _faker.Random.Bool();
                    var pupil = new Person($"eleve-{_pupils.Count + 1:D6}", _faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), string.Empty, female)
                    {
                        BirthDate = new DateOnly(_startYear - Ages[level], _faker.Random.Int(1, 12), _faker.Random.Int(1, 28)),
                    };
                    _pupils.Add(pupil);
                    _pupilClass.Add(group.Index);
                    _enrollments.Add((pupil.SourcedId, group.Index, "student", null));
                }
            }

            if (school.Kind == Kind.College)
            {
                AddLanguageGroups(s, classes, firstPupil);
            }
        }
    }

    /// <summary>About 24 pupils a class; a small école puts several levels in one class, a large one opens several classes of a level.</summary>
    private List<ClassRow> ClassesOfEcole(int school, SchoolRow row, string[] levels)
    {
        var count = Math.Max(1, (int)Math.Round(row.Pupils / 24.0));
        var result = new List<ClassRow>();
        if (count <= levels.Length)
        {
            var perClass = (int)Math.Ceiling(levels.Length / (double)count);
            for (var c = 0; c < count; c++)
            {
                var part = levels.Skip(c * perClass).Take(perClass).ToArray();
                if (part.Length == 0)
                {
                    part = [levels[^1]];
                }

                result.Add(AddClass(school, string.Join('-', part), part, homeroom: true, subject: null));
            }
        }
        else
        {
            for (var c = 0; c < count; c++)
            {
                var level = levels[c % levels.Length];
                var sameLevel = (count / levels.Length) + (c % levels.Length < count % levels.Length ? 1 : 0);
                var letter = (char)('A' + (c / levels.Length));
                result.Add(AddClass(school, sameLevel > 1 ? $"{level} {letter}" : level, [level], homeroom: true, subject: null));
            }
        }

        return result;
    }

    private List<ClassRow> DivisionsOfCollege(int school, SchoolRow row, string[] levels)
    {
        var perLevel = Math.Max(1, (int)Math.Round(row.Pupils / (levels.Length * 26.0)));
        return levels.SelectMany(level => Enumerable.Range(0, perLevel).Select(d => AddClass(school, $"{level} {(char)('A' + d)}", [level], homeroom: true, subject: null))).ToList();
    }

    /// <summary>Second modern language from 5e: Spanish for most pupils, German for some, each a group across divisions.</summary>
    private void AddLanguageGroups(int school, List<ClassRow> divisions, int firstPupil)
    {
        foreach (var level in CollegeLevels.Skip(1))
        {
            var spanish = AddClass(school, $"Espagnol LV2 {level}", [level], homeroom: false, subject: "Espagnol");
            var german = AddClass(school, $"Allemand LV2 {level}", [level], homeroom: false, subject: "Allemand");
            var divisionIndexes = divisions.Where(d => d.Levels[0] == level).Select(d => d.Index).ToHashSet();
            for (var p = firstPupil; p < _pupils.Count; p++)
            {
                if (divisionIndexes.Contains(_pupilClass[p]))
                {
                    _enrollments.Add((_pupils[p].SourcedId, _faker.Random.Bool(0.75f) ? spanish.Index : german.Index, "student", null));
                }
            }
        }
    }

    private ClassRow AddClass(int school, string title, string[] levels, bool homeroom, string? subject)
    {
        var row = new ClassRow(_classes.Count, $"classe-{_classes.Count + 1:D6}", school, title, levels, homeroom, subject);
        _classes.Add(row);
        return row;
    }

    /// <summary>
    /// Families live in one commune: siblings go to its schools. Most families have one child, some two or
    /// three; the number of two-guardian families is set so that the territory has the guardians asked for.
    /// </summary>
    private string CreateFamilies()
    {
        var byCommune = Enumerable.Range(0, _pupils.Count).GroupBy(p => _schools[_classes[_pupilClass[p]].School].Commune).ToList();
        var families = new List<List<int>>();
        foreach (var commune in byCommune)
        {
            var pupils = _faker.Random.Shuffle(commune.ToList()).ToList();
            for (var i = 0; i < pupils.Count;)
            {
                var size = Math.Min(pupils.Count - i, _faker.Random.WeightedRandom([1, 2, 3], [0.8f, 0.17f, 0.03f]));
                families.Add(pupils.GetRange(i, size));
                i += size;
            }
        }

        var twoGuardians = Math.Clamp(_scale.Guardians - families.Count, 0, families.Count);
        var withTwo = _faker.Random.Shuffle(Enumerable.Range(0, families.Count)).Take(twoGuardians).ToHashSet();
        string? guardianOfTwo = null;
        for (var f = 0; f < families.Count; f++)
        {
            var lastName = _faker.Name.LastName();
            var guardians = new List<Person>();
            var mother = withTwo.Contains(f) || _faker.Random.Bool(0.8f);
            guardians.Add(NewGuardian(lastName, female: mother));
            if (withTwo.Contains(f))
            {
                guardians.Add(NewGuardian(_faker.Random.Bool(0.3f) ? _faker.Name.LastName() : lastName, female: false));
            }

            foreach (var child in families[f])
            {
                _pupils[child].LastName = lastName;
                _pupils[child].Agents.AddRange(guardians.Select(g => g.SourcedId));
            }

            foreach (var guardian in guardians)
            {
                guardian.Agents.AddRange(families[f].Select(c => _pupils[c].SourcedId));
            }

            if (guardianOfTwo is null && families[f].Count == 2)
            {
                guardianOfTwo = guardians[0].SourcedId;
            }
        }

        return guardianOfTwo ?? _guardians[0].SourcedId;
    }

    private Person NewGuardian(string lastName, bool female)
    {
        var guardian = new Person($"resp-{_guardians.Count + 1:D6}", _faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), lastName, female);
        if (_faker.Random.Bool(0.85f))
        {
            guardian.Email = UniqueEmail(guardian, "familles.example.org");
        }

        if (_faker.Random.Bool(0.9f))
        {
            guardian.Phone = "06" + _faker.Random.Int(0, 99_999_999).ToString("D8", CultureInfo.InvariantCulture);
        }

        _guardians.Add(guardian);
        return guardian;
    }

    private string UniqueEmail(Person person, string domain)
    {
        var stem = $"{Demo.LoginNames.Simplify(person.FirstName)}.{Demo.LoginNames.Simplify(person.LastName)}";
        var email = $"{stem}@{domain}";
        for (var n = 2; !_emails.Add(email); n++)
        {
            email = $"{stem}{n}@{domain}";
        }

        return email;
    }

    /// <summary>A teacher per class in écoles (the head teaches one), teachers of each subject in collèges, and the other staff.</summary>
    private (string Teacher, string Head) CreateStaff()
    {
        string? teacherOfPrimary = null;
        string? headOfEcole = null;
        var classesOfSchool = _classes.ToLookup(c => c.School, c => c.Index);
        for (var s = 0; s < _schools.Count; s++)
        {
            var school = _schools[s];
            var classes = classesOfSchool[s].ToList();
            var head = NewStaff(s, "principal");
            if (school.Kind != Kind.College)
            {
                headOfEcole ??= head.SourcedId;
                for (var i = 0; i < classes.Count; i++)
                {
                    // The directeur or directrice d’école teaches a class too.
                    var teacher = i == 0 ? head : NewStaff(s, "teacher");
                    _enrollments.Add((teacher.SourcedId, classes[i], "teacher", null));
                    teacherOfPrimary ??= i == 0 ? null : teacher.SourcedId;
                }

                NewStaff(s, "ext:animateur");
                continue;
            }

            NewStaff(s, "counselor");
            for (var a = 0; a < 3; a++)
            {
                NewStaff(s, "aide");
            }

            var divisions = classes.Where(c => _classes[c].Homeroom).ToList();
            foreach (var subject in CollegeSubjects)
            {
                // A teacher has about five divisions in one subject (18 hours a week).
                for (var i = 0; i < divisions.Count; i += 5)
                {
                    var teacher = NewStaff(s, "teacher");
                    foreach (var division in divisions.Skip(i).Take(5))
                    {
                        _enrollments.Add((teacher.SourcedId, division, "teacher", subject));
                    }
                }
            }

            foreach (var language in new[] { "Espagnol", "Allemand" })
            {
                var teacher = NewStaff(s, "teacher");
                foreach (var group in classes.Where(c => _classes[c].Subject == language))
                {
                    _enrollments.Add((teacher.SourcedId, group, "teacher", language));
                }
            }
        }

        return (teacherOfPrimary ?? _staff.First(s => s.Role == "teacher").Person.SourcedId, headOfEcole ?? _staff[0].Person.SourcedId);
    }

    private Person NewStaff(int school, string role)
    {
        var female = _faker.Random.Bool(0.7f);
        var person = new Person($"pers-{_staff.Count + 1:D6}", _faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), _faker.Name.LastName(), female);
        person.Email = UniqueEmail(person, "ac-exemple.example.org");
        _staff.Add((person, school, role));
        return person;
    }

    private async Task WriteZipAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var modified = $"{_startYear}-08-25T00:00:00Z";
        var yearId = $"annee-{_startYear}";

        await WriteAsync(zip, "manifest.csv", ["propertyName", "value"], [
            ["manifest.version", "1.0"], ["oneroster.version", "1.2"],
            ["file.academicSessions", "bulk"], ["file.categories", "absent"], ["file.classes", "bulk"], ["file.classResources", "absent"],
            ["file.courses", "bulk"], ["file.courseResources", "absent"], ["file.demographics", "bulk"], ["file.enrollments", "bulk"],
            ["file.lineItemLearningObjectiveIds", "absent"], ["file.lineItems", "absent"], ["file.lineItemScoreScales", "absent"], ["file.orgs", "bulk"],
            ["file.resources", "absent"], ["file.resultLearningObjectiveIds", "absent"], ["file.results", "absent"], ["file.resultScoreScales", "absent"],
            ["file.roles", "bulk"], ["file.scoreScales", "absent"], ["file.userProfiles", "absent"], ["file.userResources", "absent"], ["file.users", "bulk"],
            ["source.systemName", "Préau generate-territory"], ["source.systemCode", "preau"],
        ], cancellationToken);

        await WriteAsync(zip, "orgs.csv", ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
            _schools.Select(s => new[] { s.SourcedId, "active", modified, s.Name, "school", s.Uai, "departement" })
                .Prepend(["departement", "active", modified, "Département synthétique", "district", string.Empty, string.Empty]), cancellationToken);

        var trimesters = new[] { (1, new DateOnly(_startYear, 9, 1), new DateOnly(_startYear, 11, 30)), (2, new DateOnly(_startYear, 12, 1), new DateOnly(_startYear + 1, 2, 28)), (3, new DateOnly(_startYear + 1, 3, 1), new DateOnly(_startYear + 1, 7, 4)) };
        await WriteAsync(zip, "academicSessions.csv", ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
            trimesters.Select(t => new[] { $"trimestre-{_startYear}-{t.Item1}", "active", modified, $"Trimestre {t.Item1}", "term", Iso(t.Item2), Iso(t.Item3), yearId, (_startYear + 1).ToString(CultureInfo.InvariantCulture) })
                .Prepend([yearId, "active", modified, RosterRules.SchoolYearLabel(_startYear), "schoolYear", Iso(new DateOnly(_startYear, 9, 1)), Iso(new DateOnly(_startYear + 1, 7, 4)), string.Empty, (_startYear + 1).ToString(CultureInfo.InvariantCulture)]), cancellationToken);

        var courses = Grades.Keys.Select(level => new[] { $"cours-{level}", "active", modified, yearId, $"Niveau {level}", level, Grades[level], "departement", string.Empty, string.Empty });
        await WriteAsync(zip, "courses.csv", ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"], courses, cancellationToken);

        await WriteAsync(zip, "classes.csv", ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"],
            _classes.Select(c => new[]
            {
                c.SourcedId, "active", modified, c.Title, string.Join(',', c.Levels.Select(l => Grades[l])), $"cours-{c.Levels[0]}", string.Empty,
                c.Homeroom ? "homeroom" : "scheduled", string.Empty, _schools[c.School].SourcedId, $"trimestre-{_startYear}-1,trimestre-{_startYear}-2,trimestre-{_startYear}-3",
                c.Subject ?? string.Empty, string.Empty, string.Empty,
            }), cancellationToken);

        var everyone = _pupils.Concat(_guardians).Concat(_staff.Select(s => s.Person).DistinctBy(p => p.SourcedId)).ToList();
        await WriteAsync(zip, "users.csv", ["sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"],
            everyone.Select(p => new[]
            {
                p.SourcedId, "active", modified, "true", p.SourcedId, string.Empty, p.FirstName, p.LastName, string.Empty, string.Empty, p.Email ?? string.Empty,
                string.Empty, p.Phone ?? string.Empty, string.Join(',', p.Agents), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
            }), cancellationToken);

        var roles = _pupils.Select((p, i) => (p.SourcedId, "student", _schools[_classes[_pupilClass[i]].School].SourcedId))
            .Concat(_guardians.Select(g => (g.SourcedId, "parent", "departement")))
            .Concat(_staff.Select(s => (s.Person.SourcedId, s.Role, _schools[s.School].SourcedId)));
        var roleNumber = 0;
        await WriteAsync(zip, "roles.csv", ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"],
            roles.Select(r => new[] { $"role-{++roleNumber:D7}", "active", modified, r.Item1, "primary", r.Item2, string.Empty, string.Empty, r.Item3, string.Empty }), cancellationToken);

        await WriteAsync(zip, "demographics.csv", ["sourcedId", "status", "dateLastModified", "birthDate", "sex"],
            _pupils.Concat(_guardians).Select(p => new[] { p.SourcedId, "active", modified, p.BirthDate is { } birth ? Iso(birth) : string.Empty, p.Female ? "female" : "male" }), cancellationToken);

        var enrollmentNumber = 0;
        await WriteAsync(zip, "enrollments.csv", ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate", "metadata.preau.subject"],
            _enrollments.Select(e => new[]
            {
                $"inscription-{++enrollmentNumber:D7}", "active", modified, _classes[e.Class].SourcedId, _schools[_classes[e.Class].School].SourcedId, e.User, e.Role,
                e.Role == "teacher" ? "true" : "false", string.Empty, string.Empty, e.Subject ?? string.Empty,
            }), cancellationToken);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(ZipArchive zip, string name, string[] header, IEnumerable<string[]> records, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = entry.Open();
        await using var writer = CsvWriter.Create(stream, new CsvWriterOptions(), leaveOpen: true);
        writer.WriteHeader(header);
        foreach (var record in records)
        {
            await writer.WriteRecordAsync(record, cancellationToken);
        }
    }
}
