using Preau.Identity.Classes;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Schools;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>
/// Compares a roster with what the territory holds and decides every change, in memory and set-based
/// (dictionaries keyed by identifiers, no query per line). The rules, in docs/imports.md:
/// <list type="bullet">
/// <item>people are matched by their key (sourcedId, INE, or a French CSV guardian's key, else through
/// their child and their name); classes by their key and school year; memberships by what they link;</item>
/// <item>a re-import of the same file changes nothing; a next year's file creates that year's classes and
/// enrolments and ends the previous ones;</item>
/// <item>a territory import deactivates imported people it does not mention (a head's import never does);
/// only what the format describes is ended (a French CSV never touches teachers);</item>
/// <item>contact details a person entered after activating the account are never overwritten.</item>
/// </list>
/// </summary>
internal sealed class RosterPlanner(Roster roster, RosterState state, RosterScope scope, Guid territoryId)
{
    /// <summary>Profiles an import manages; anything else (administrator, agent, élu…) is never touched.</summary>
    public const Profile ImportedProfiles = Profile.Pupil | Profile.Guardian | StaffProfiles;

    private const Profile StaffProfiles = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff;

    /// <summary>Above this share of the imported accounts, the report warns before deactivating them.</summary>
    private const double DeactivationWarningShare = 0.10;

    public static readonly string NewSchoolYear = Text.Fr("Nouvelle année scolaire : {0}.");
    public static readonly string ManyDeactivations = Text.Fr("Attention : {0} comptes sur {1} seraient désactivés, car absents du fichier. Vérifiez que le fichier est complet avant d’appliquer.");

    private readonly RosterPlan _plan = new();
    private readonly Dictionary<string, Guid> _yearIds = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ExistingYear> _yearsById = state.Years.ToDictionary(y => y.Id);
    private Guid[] _schoolIds = [];
    private Guid[] _classIds = [];
    private readonly HashSet<Guid> _rosterClassIds = [];
    private readonly Dictionary<Guid, ExistingClass> _classesById = state.Classes.ToDictionary(c => c.Id);
    /// <summary>Accounts that carry an import key: the only ones an import ends or deactivates anything of.</summary>
    private readonly HashSet<Guid> _importedAccounts = [];
    private readonly HashSet<Guid> _protectedAccounts = [];

    private Profile CoveredProfiles =>
        ((roster.Coverage & RosterCoverage.Families) != 0 ? Profile.Pupil | Profile.Guardian : Profile.None)
        | ((roster.Coverage & RosterCoverage.Staff) != 0 ? StaffProfiles : Profile.None);

    private bool IsWholeTerritory => scope.RestrictedTo is null;

    public RosterPlan Plan()
    {
        PlanSchools();
        PlanYears();
        PlanClasses();
        PlanPeople();
        PlanEnrolments();
        if ((roster.Coverage & RosterCoverage.Staff) != 0)
        {
            PlanTeaching();
            PlanStaff();
        }

        PlanLinks();
        return _plan;
    }

    private ChangeCount Count(ChangeSubject subject) => _plan.Report[subject];

    private void PlanSchools()
    {
        _schoolIds = new Guid[roster.Schools.Count];
        var described = new HashSet<Guid>();
        var existingById = state.Schools.ToDictionary(s => s.Id);
        for (var i = 0; i < roster.Schools.Count; i++)
        {
            var school = roster.Schools[i];
            if (school.ExistingId is { } id)
            {
                _schoolIds[i] = id;
                if (school.Name is null)
                {
                    continue;
                }

                described.Add(id);
                var existing = existingById[id];
                var name = existing.Name != school.Name ? school.Name : null;
                var sourcedId = existing.SourcedId != school.SourcedId ? school.SourcedId : null;
                if (name is not null || sourcedId is not null || !existing.IsActive)
                {
                    _plan.SchoolChanges.Add(new SchoolChange(id, name, sourcedId, !existing.IsActive));
                    Count(ChangeSubject.Schools).Updated++;
                }
                else
                {
                    Count(ChangeSubject.Schools).Unchanged++;
                }

                continue;
            }

            var created = new School
            {
                TerritoryId = territoryId,
                Uai = school.Uai,
                Name = school.Name!,
                Kind = RosterRules.InferSchoolKind(school.Name!, school.Levels),
                SourcedId = school.SourcedId,
            };
            _plan.NewSchools.Add(created);
            _schoolIds[i] = created.Id;
            described.Add(created.Id);
            Count(ChangeSubject.Schools).Created++;
        }

        if ((roster.Coverage & RosterCoverage.Schools) != 0 && IsWholeTerritory)
        {
            foreach (var school in state.Schools.Where(s => s.IsActive && s.SourcedId is not null && !described.Contains(s.Id)))
            {
                _plan.SchoolsToDeactivate.Add(school.Id);
                Count(ChangeSubject.Schools).Deactivated++;
            }
        }
    }

    private void PlanYears()
    {
        var existing = state.Years.ToDictionary(y => y.Label, StringComparer.Ordinal);
        foreach (var year in roster.Years.Values.OrderBy(y => y.Label, StringComparer.Ordinal))
        {
            if (existing.TryGetValue(year.Label, out var found))
            {
                _yearIds[year.Label] = found.Id;
                continue;
            }

            var created = new SchoolYear { TerritoryId = territoryId, Label = year.Label, StartsOn = year.StartsOn, EndsOn = year.EndsOn };
            _plan.NewYears.Add(created);
            _yearIds[year.Label] = created.Id;
            _yearsById[created.Id] = new ExistingYear(created.Id, year.Label, year.StartsOn, year.EndsOn);
            _plan.Report.Notices.Add(ReportMessage.Of(NewSchoolYear, year.Label));
        }
    }

    private void PlanClasses()
    {
        _classIds = new Guid[roster.Classes.Count];
        var existing = state.Classes.Where(c => c.SourcedId is not null)
            .GroupBy(c => (c.SourcedId!, c.SchoolYearId)).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.IsActive).First());
        for (var i = 0; i < roster.Classes.Count; i++)
        {
            var group = roster.Classes[i];
            var schoolId = _schoolIds[group.School];
            var yearId = _yearIds[group.YearLabel];
            if (existing.TryGetValue((group.Key, yearId), out var found))
            {
                _classIds[i] = found.Id;
                if (found.Name != group.Name || found.Level != group.Level || found.Kind != group.Kind || found.SchoolId != schoolId || !found.IsActive)
                {
                    _plan.ClassChanges.Add(new ClassChange(found.Id, group, schoolId, !found.IsActive));
                    Count(ChangeSubject.Classes).Updated++;
                }
                else
                {
                    Count(ChangeSubject.Classes).Unchanged++;
                }
            }
            else
            {
                var created = new ClassGroup
                {
                    TerritoryId = territoryId,
                    SchoolId = schoolId,
                    SchoolYearId = yearId,
                    Kind = group.Kind,
                    Name = group.Name,
                    Level = group.Level,
                    SourcedId = group.Key,
                };
                _plan.NewClasses.Add(created);
                _classIds[i] = created.Id;
                _classesById[created.Id] = new ExistingClass(created.Id, schoolId, yearId, group.Key, group.Name, group.Level, group.Kind, true);
                Count(ChangeSubject.Classes).Created++;
            }

            _rosterClassIds.Add(_classIds[i]);
        }

        foreach (var group in state.Classes.Where(c => c.IsActive && InScope(c) && !_rosterClassIds.Contains(c.Id) && !roster.MentionedKeys.Contains(c.SourcedId!)))
        {
            _plan.ClassesToDeactivate.Add(group.Id);
            Count(ChangeSubject.Classes).Deactivated++;
        }
    }

    /// <summary>An imported class this import is the authority on: any of the territory's, or the head's school's.</summary>
    private bool InScope(ExistingClass group) => group.SourcedId is not null && scope.Covers(group.SchoolId);

    /// <summary>
    /// Matches the roster's people with the imported accounts streamed once from the database: each account
    /// found by its key is compared on the spot; the others are kept only as candidates for deactivation.
    /// </summary>
    private void PlanPeople()
    {
        _plan.PersonAccounts = new Guid[roster.People.Count];
        var matched = new HashSet<Guid>();
        var covered = CoveredProfiles;
        var candidates = new List<(Guid Id, Profile Profiles)>();
        var onRejectedLines = new HashSet<Guid>();
        var active = 0;
        foreach (var existing in state.Accounts)
        {
            var key = existing.SourcedId!;
            _importedAccounts.Add(existing.Id);
            var isCandidate = (existing.Profiles & covered) != Profile.None && (existing.Profiles & ImportedProfiles & ~covered) == Profile.None;
            if (isCandidate && existing.IsActive)
            {
                active++;
            }

            if (roster.PersonByKey.TryGetValue(key, out var index) && _plan.PersonAccounts[index] == Guid.Empty)
            {
                Match(index, existing, matched);
            }
            else if (roster.MentionedKeys.Contains(key))
            {
                onRejectedLines.Add(existing.Id);
            }
            else if (isCandidate && existing.IsActive)
            {
                candidates.Add((existing.Id, existing.Profiles));
            }
        }

        MatchGuardiansThroughChildren(matched);
        for (var i = 0; i < roster.People.Count; i++)
        {
            if (_plan.PersonAccounts[i] == Guid.Empty)
            {
                var id = Guid.CreateVersion7();
                _plan.NewAccounts.Add(new NewAccount(i, id));
                _plan.PersonAccounts[i] = id;
                Count(CategoryOf(roster.People[i].Profiles)).Created++;
            }
        }

        // People on rejected lines keep their account, memberships and assignments as they are; so do the
        // guardians of a pupil whose line was rejected.
        _protectedAccounts.UnionWith(onRejectedLines);
        foreach (var link in state.Links.Where(l => onRejectedLines.Contains(l.PupilId)))
        {
            _protectedAccounts.Add(link.GuardianId);
        }

        if (!IsWholeTerritory)
        {
            return;
        }

        foreach (var (id, profiles) in candidates.Where(c => !matched.Contains(c.Id) && !_protectedAccounts.Contains(c.Id)))
        {
            _plan.AccountsToDeactivate.Add(id);
            Count(CategoryOf(profiles)).Deactivated++;
        }

        if (_plan.AccountsToDeactivate.Count > 20 && _plan.AccountsToDeactivate.Count > active * DeactivationWarningShare)
        {
            _plan.Report.Notices.Add(ReportMessage.Of(ManyDeactivations, Number(_plan.AccountsToDeactivate.Count), Number(active)));
        }
    }

    private void Match(int index, ExistingAccount existing, HashSet<Guid> matched)
    {
        var person = roster.People[index];
        matched.Add(existing.Id);
        _plan.PersonAccounts[index] = existing.Id;
        var change = Compare(index, person, existing);
        if (change is null)
        {
            Count(CategoryOf(person.Profiles)).Unchanged++;
        }
        else
        {
            _plan.AccountChanges.Add(change);
            Count(CategoryOf(person.Profiles)).Updated++;
        }
    }

    /// <summary>
    /// A French CSV guardian has no identifier: the key derived from the name and e-mail changes with the
    /// e-mail. Not found by key, a guardian is looked for among those already linked to one of their
    /// children in the file, by name.
    /// </summary>
    private void MatchGuardiansThroughChildren(HashSet<Guid> matched)
    {
        var unmatched = roster.Links.Where(l => _plan.PersonAccounts[l.Guardian] == Guid.Empty && _plan.PersonAccounts[l.Pupil] != Guid.Empty)
            .GroupBy(l => l.Guardian, l => _plan.PersonAccounts[l.Pupil]).ToList();
        if (unmatched.Count == 0 || (roster.Coverage & RosterCoverage.Staff) != 0)
        {
            return;
        }

        var candidates = state.GuardiansOfPupils(unmatched.SelectMany(g => g).Distinct().ToList()).ToLookup(c => c.PupilId, c => c.Guardian);
        foreach (var group in unmatched)
        {
            var guardian = roster.People[group.Key];
            var name = RosterRules.NormalizeName(guardian.LastName + guardian.FirstName);
            var found = group.SelectMany(pupil => candidates[pupil])
                .FirstOrDefault(c => !matched.Contains(c.Id) && RosterRules.NormalizeName(c.LastName + c.FirstName) == name);
            if (found is not null)
            {
                Match(group.Key, found, matched);
            }
        }
    }

    private static string Number(int value) => value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    private AccountChange? Compare(int index, RosterPerson person, ExistingAccount existing)
    {
        // Contact details belong to the person once the account is activated: the file only fills gaps.
        var email = person.Email is not null && person.Email != existing.Email && (existing.Email is null || !existing.IsActivated) ? person.Email : null;
        var phone = person.Phone is not null && person.Phone != existing.PhoneNumber && (existing.PhoneNumber is null || !existing.IsActivated) ? person.Phone : null;
        var profiles = IsWholeTerritory ? (existing.Profiles & ~CoveredProfiles) | person.Profiles : existing.Profiles | person.Profiles;
        var change = new AccountChange(existing.Id, index)
        {
            Names = person.FirstName != existing.FirstName || person.LastName != existing.LastName,
            BirthDate = person.BirthDate is not null && person.BirthDate != existing.BirthDate,
            Email = email,
            PhoneNumber = phone,
            Profiles = profiles != existing.Profiles ? profiles : null,
            Reactivate = !existing.IsActive,
            SourcedId = existing.SourcedId != person.Key ? person.Key : null,
        };
        return change.Names || change.BirthDate || email is not null || phone is not null || change.Profiles is not null || change.Reactivate || change.SourcedId is not null
            ? change
            : null;
    }

    private static ChangeSubject CategoryOf(Profile profiles) =>
        profiles.HasFlag(Profile.Pupil) ? ChangeSubject.Pupils
        : profiles.HasFlag(Profile.Teacher) ? ChangeSubject.Teachers
        : (profiles & StaffProfiles) != Profile.None ? ChangeSubject.OtherStaff
        : ChangeSubject.Guardians;

    /// <summary>The day a membership of an ended or ending class stops: today, or the end of its school year if that came first.</summary>
    private DateOnly EndOf(Guid classId) =>
        _classesById.TryGetValue(classId, out var group) && _yearsById.TryGetValue(group.SchoolYearId, out var year) && year.EndsOn < scope.Today
            ? year.EndsOn
            : scope.Today;

    /// <summary>A new membership starts today, or on the first day of its school year if that is still to come.</summary>
    private DateOnly StartOf(Guid classId) =>
        _yearsById.TryGetValue(_classesById[classId].SchoolYearId, out var year) && year.StartsOn > scope.Today ? year.StartsOn : scope.Today;

    private void PlanEnrolments()
    {
        var existing = Index(state.Enrolments, e => (e.AccountId, e.ClassGroupId, string.Empty));
        var wanted = new HashSet<(Guid, Guid)>();
        foreach (var enrolment in roster.Enrolments)
        {
            var pupilId = _plan.PersonAccounts[enrolment.Pupil];
            var classId = _classIds[enrolment.Class];
            if (!wanted.Add((pupilId, classId)))
            {
                continue;
            }

            if (!existing.TryGetValue((pupilId, classId, string.Empty), out var found))
            {
                _plan.NewEnrolments.Add(new NewEnrolment(pupilId, classId, StartOf(classId)));
                Count(ChangeSubject.Enrolments).Created++;
            }
            else if (found.EndsOn is not null)
            {
                _plan.EnrolmentsToReopen.Add(found.Id);
                Count(ChangeSubject.Enrolments).Updated++;
            }
            else
            {
                Count(ChangeSubject.Enrolments).Unchanged++;
            }
        }

        foreach (var enrolment in state.Enrolments.Where(e => e.EndsOn is null && !wanted.Contains((e.AccountId, e.ClassGroupId)) && !_protectedAccounts.Contains(e.AccountId)
            && _classesById.TryGetValue(e.ClassGroupId, out var group) && InScope(group)))
        {
            _plan.EnrolmentsToEnd.Add((enrolment.Id, EndOf(enrolment.ClassGroupId)));
            Count(ChangeSubject.Enrolments).Deactivated++;
        }
    }

    private void PlanTeaching()
    {
        var existing = Index(state.Teaching, t => (t.AccountId, t.ClassGroupId, SubjectKey(t.Subject)));
        var wanted = new HashSet<(Guid, Guid, string)>();
        foreach (var teaching in roster.Teaching)
        {
            var teacherId = _plan.PersonAccounts[teaching.Teacher];
            var classId = _classIds[teaching.Class];
            var key = (teacherId, classId, SubjectKey(teaching.Subject));
            if (!wanted.Add(key))
            {
                continue;
            }

            if (!existing.TryGetValue(key, out var found))
            {
                _plan.NewTeaching.Add(new TeachingAssignment { TerritoryId = territoryId, ClassGroupId = classId, TeacherId = teacherId, Subject = teaching.Subject });
                Count(ChangeSubject.TeachingAssignments).Created++;
            }
            else if (found.EndsOn is not null)
            {
                _plan.TeachingToReopen.Add(found.Id);
                Count(ChangeSubject.TeachingAssignments).Updated++;
            }
            else
            {
                Count(ChangeSubject.TeachingAssignments).Unchanged++;
            }
        }

        foreach (var teaching in state.Teaching.Where(t => t.EndsOn is null && !wanted.Contains((t.AccountId, t.ClassGroupId, SubjectKey(t.Subject)))
            && !_protectedAccounts.Contains(t.AccountId) && _classesById.TryGetValue(t.ClassGroupId, out var group) && InScope(group)))
        {
            _plan.TeachingToEnd.Add((teaching.Id, EndOf(teaching.ClassGroupId)));
            Count(ChangeSubject.TeachingAssignments).Deactivated++;
        }

        static string SubjectKey(string? subject) => subject is null ? string.Empty : RosterRules.NormalizeName(subject);
    }

    private void PlanStaff()
    {
        var existing = state.Staff.GroupBy(s => (s.AccountId, s.SchoolId, s.Profile)).ToDictionary(g => g.Key, g => g.OrderBy(s => s.EndsOn is null ? 0 : 1).First());
        var wanted = new HashSet<(Guid, Guid, Profile)>();
        foreach (var staff in roster.Staff)
        {
            var key = (_plan.PersonAccounts[staff.Person], _schoolIds[staff.School], staff.Profile);
            if (!wanted.Add(key))
            {
                continue;
            }

            if (!existing.TryGetValue(key, out var found))
            {
                _plan.NewStaff.Add(new StaffAssignment { TerritoryId = territoryId, AccountId = key.Item1, SchoolId = key.Item2, Profile = key.Profile });
                Count(ChangeSubject.StaffAssignments).Created++;
            }
            else if (found.EndsOn is not null)
            {
                _plan.StaffToReopen.Add(found.Id);
                Count(ChangeSubject.StaffAssignments).Updated++;
            }
            else
            {
                Count(ChangeSubject.StaffAssignments).Unchanged++;
            }
        }

        foreach (var staff in state.Staff.Where(s => s.EndsOn is null && (s.Profile & StaffProfiles) != Profile.None && scope.Covers(s.SchoolId)
            && !wanted.Contains((s.AccountId, s.SchoolId, s.Profile)) && !_protectedAccounts.Contains(s.AccountId)
            && _importedAccounts.Contains(s.AccountId)))
        {
            _plan.StaffToEnd.Add(staff.Id);
            Count(ChangeSubject.StaffAssignments).Deactivated++;
        }
    }

    private void PlanLinks()
    {
        var existing = state.Links.GroupBy(l => (l.GuardianId, l.PupilId)).ToDictionary(g => g.Key, g => g.First());
        var wanted = new HashSet<(Guid, Guid)>();
        var pupilsInFile = new HashSet<Guid>();
        foreach (var link in roster.Links)
        {
            var key = (_plan.PersonAccounts[link.Guardian], _plan.PersonAccounts[link.Pupil]);
            pupilsInFile.Add(key.Item2);
            if (!wanted.Add(key))
            {
                continue;
            }

            if (!existing.TryGetValue(key, out var found))
            {
                _plan.NewLinks.Add(new NewLink(key.Item1, key.Item2, link.Relation, link.HasParentalAuthority));
                Count(ChangeSubject.GuardianLinks).Created++;
            }
            else if (found.Relation != link.Relation || found.HasParentalAuthority != link.HasParentalAuthority)
            {
                _plan.LinkChanges.Add(new LinkChange(found.Id, link.Relation, link.HasParentalAuthority));
                Count(ChangeSubject.GuardianLinks).Updated++;
            }
            else
            {
                Count(ChangeSubject.GuardianLinks).Unchanged++;
            }
        }

        foreach (var pupil in roster.Enrolments.Select(e => _plan.PersonAccounts[e.Pupil]))
        {
            pupilsInFile.Add(pupil);
        }

        // The file is the authority on the guardians of the pupils it lists; links entered by hand with a
        // guardian the import does not know (no sourcedId) stay.
        foreach (var link in state.Links.Where(l => pupilsInFile.Contains(l.PupilId) && !wanted.Contains((l.GuardianId, l.PupilId))
            && _importedAccounts.Contains(l.GuardianId)))
        {
            _plan.LinksToDelete.Add(link.Id);
            Count(ChangeSubject.GuardianLinks).Deactivated++;
        }
    }

    /// <summary>Memberships by what they link; the running one first, else the latest ended one (to reopen it).</summary>
    private static Dictionary<(Guid, Guid, string), ExistingMembership> Index(IReadOnlyList<ExistingMembership> memberships, Func<ExistingMembership, (Guid, Guid, string)> key)
    {
        var index = new Dictionary<(Guid, Guid, string), ExistingMembership>(memberships.Count);
        foreach (var membership in memberships)
        {
            var k = key(membership);
            if (!index.TryGetValue(k, out var kept) || Better(membership, kept))
            {
                index[k] = membership;
            }
        }

        return index;

        static bool Better(ExistingMembership candidate, ExistingMembership kept) =>
            kept.EndsOn is not null && (candidate.EndsOn is null || candidate.EndsOn > kept.EndsOn);
    }
}
