using Preau.Identity.Contracts;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;
using static Preau.UnitTests.Identity.ImportsFiles;

namespace Preau.UnitTests.Identity;

/// <summary>How an import compares a roster with the territory (RosterPlanner): set-based, in memory, rule by rule.</summary>
public sealed class ImportsPlannerTests
{
    private static readonly Guid Territory = Guid.CreateVersion7();

    private static RosterState Empty() => new()
    {
        Schools = [Existing(SchoolA), Existing(SchoolB)],
        Years = [],
        Classes = [],
        Accounts = [],
        GuardiansOfPupils = _ => [],
        Links = [],
        Enrolments = [],
        Teaching = [],
        Staff = [],
    };

    private static ExistingSchool Existing(ScopeSchool school) => new(school.Id, school.Uai, school.SourcedId, school.Name, SchoolKind.Elementaire, school.IsActive);

    private static RosterPlan Plan(Roster roster, RosterState state, Guid? restrictedTo = null) =>
        new RosterPlanner(roster, state, Scope(restrictedTo), Territory).Plan();

    /// <summary>The territory as it is once a plan is written (what the database would hold).</summary>
    private static RosterState After(Roster roster, RosterPlan plan, RosterState before, Func<RosterPerson, bool>? activated = null)
    {
        var accounts = roster.People.Select((p, i) => new ExistingAccount(plan.PersonAccounts[i], p.Key, p.FirstName, p.LastName, p.Email, p.Phone, p.BirthDate, p.Profiles, true, activated?.Invoke(p) ?? false)).ToList();
        var links = before.Links.Concat(plan.NewLinks.Select(l => new ExistingLink(Guid.CreateVersion7(), l.GuardianId, l.PupilId, l.Relation, l.HasParentalAuthority))).ToList();
        return new RosterState
        {
            Schools = before.Schools,
            Years = before.Years.Concat(plan.NewYears.Select(y => new ExistingYear(y.Id, y.Label, y.StartsOn, y.EndsOn))).ToList(),
            Classes = before.Classes.Select(c => plan.ClassesToDeactivate.Contains(c.Id) ? c with { IsActive = false } : c)
                .Concat(plan.NewClasses.Select(c => new ExistingClass(c.Id, c.SchoolId, c.SchoolYearId, c.SourcedId, c.Name, c.Level, c.Kind, true))).ToList(),
            Accounts = accounts,
            GuardiansOfPupils = ids => links.Where(l => ids.Contains(l.PupilId)).Select(l => new GuardianCandidate(l.PupilId, accounts.Single(a => a.Id == l.GuardianId))).ToList(),
            Links = links,
            Enrolments = before.Enrolments.Select(e => plan.EnrolmentsToEnd.Any(x => x.Id == e.Id) ? e with { EndsOn = Today } : e)
                .Concat(plan.NewEnrolments.Select(e => new ExistingMembership(Guid.CreateVersion7(), e.PupilId, e.ClassGroupId, null, null))).ToList(),
            Teaching = before.Teaching.Concat(plan.NewTeaching.Select(t => new ExistingMembership(t.Id, t.TeacherId, t.ClassGroupId, t.Subject, null))).ToList(),
            Staff = before.Staff.Concat(plan.NewStaff.Select(s => new ExistingStaff(s.Id, s.AccountId, s.SchoolId, s.Profile, null))).ToList(),
        };
    }

    [Fact]
    public void Plan_EmptyTerritory_CreatesEverythingAndTheSchoolYear()
    {
        var (roster, _) = ReadOneRoster(OneRosterFiles());

        var plan = Plan(roster, Empty());

        var report = plan.Report;
        Assert.Equal((3, 3, 2, 4), (report[ChangeSubject.Pupils].Created, report[ChangeSubject.Guardians].Created, report[ChangeSubject.Teachers].Created, report[ChangeSubject.GuardianLinks].Created));
        Assert.Equal(2, report[ChangeSubject.Schools].Unchanged);
        Assert.Equal(2, plan.NewClasses.Count);
        Assert.Equal("2026-2027", Assert.Single(plan.NewYears).Label);
        Assert.Equal(new DateOnly(2026, 11, 23), plan.NewEnrolments[0].StartsOn);
        Assert.Equal(9, plan.NewAccounts.Count);
        Assert.Empty(plan.AccountsToDeactivate);
    }

    [Fact]
    public void Plan_SameRosterAgain_ChangesNothing()
    {
        var (roster, _) = ReadOneRoster(OneRosterFiles());
        var first = Plan(roster, Empty());
        var state = After(roster, first, Empty());
        var (again, _) = ReadOneRoster(OneRosterFiles());

        var plan = Plan(again, state);

        Assert.True(plan.WriteCount - plan.SchoolChanges.Count == 0, plan.Report.ToJson());
        Assert.Equal(3, plan.Report[ChangeSubject.Pupils].Unchanged);
        Assert.Equal(4, plan.Report[ChangeSubject.GuardianLinks].Unchanged);
    }

    [Fact]
    public void Plan_PersonMissingFromAWholeTerritoryFile_Deactivated()
    {
        var (roster, _) = ReadOneRoster(OneRosterFiles());
        var state = After(roster, Plan(roster, Empty()), Empty());
        var files = OneRosterFiles();
        files["users.csv"] = string.Join("\r\n", files["users.csv"].Split("\r\n").Where(l => !l.StartsWith("p3,", StringComparison.Ordinal)));
        var (without, _) = ReadOneRoster(files);

        var plan = Plan(without, state);

        var p3 = state.Accounts.Single(a => a.SourcedId == "p3").Id;
        Assert.Equal([p3], plan.AccountsToDeactivate);
        Assert.Equal(1, plan.Report[ChangeSubject.Pupils].Deactivated);
        // Its enrolment ends; its guardian links stay with the account until the retention job deletes it.
        Assert.Single(plan.EnrolmentsToEnd);
        Assert.Empty(plan.LinksToDelete);
    }

    [Fact]
    public void Plan_HeadImportWithoutSomeone_NobodyDeactivated()
    {
        var (roster, _) = ReadOneRoster(OneRosterFiles());
        var state = After(roster, Plan(roster, Empty()), Empty());
        var files = OneRosterFiles();
        files["users.csv"] = string.Join("\r\n", files["users.csv"].Split("\r\n").Where(l => !l.StartsWith("p2,", StringComparison.Ordinal)));
        var (without, _) = ReadOneRoster(files, restrictedTo: SchoolA.Id);

        var plan = Plan(without, state, restrictedTo: SchoolA.Id);

        Assert.Empty(plan.AccountsToDeactivate);
        // p2 left school A: the enrolment in its class ends, the account stays (the pupil may be in another school).
        Assert.Single(plan.EnrolmentsToEnd);
    }

    [Fact]
    public void Plan_NextYearsFile_NewClassesAndEnrolmentsPreviousOnesEnded()
    {
        var (roster, _) = ReadOneRoster(OneRosterFiles());
        var state = After(roster, Plan(roster, Empty()), Empty());
        var files = OneRosterFiles();
        files["academicSessions.csv"] = Lines("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
            "y2027,active,,2027-2028,schoolYear,2027-09-01,2028-07-04,,2028", "t1,active,,Trimestre 1,term,2027-09-01,2027-11-30,y2027,2028");
        files["classes.csv"] = files["classes.csv"].Replace("c-cm2a,active,,CM2 A,05", "c-6b,active,,6e B,06", StringComparison.Ordinal).Replace("org-a,t1", "org-b,t1", StringComparison.Ordinal)
            .Replace("c-6a,active,,6e A,06", "c-5a,active,,5e A,07", StringComparison.Ordinal);
        files["enrollments.csv"] = files["enrollments.csv"].Replace("c-cm2a,org-a", "c-6b,org-b", StringComparison.Ordinal).Replace("c-6a", "c-5a", StringComparison.Ordinal);
        var (next, issues) = ReadOneRoster(files);

        var plan = Plan(next, state);

        Assert.True(issues.Count == 0, Describe(issues));
        Assert.Equal("2027-2028", Assert.Single(plan.NewYears).Label);
        Assert.Equal(2, plan.NewClasses.Count);
        Assert.Equal(2, plan.ClassesToDeactivate.Count);
        Assert.Equal(3, plan.EnrolmentsToEnd.Count);
        Assert.Equal(3, plan.NewEnrolments.Count);
        Assert.All(plan.NewEnrolments, e => Assert.Equal(new DateOnly(2027, 9, 1), e.StartsOn));
        Assert.Empty(plan.NewAccounts);
        Assert.Empty(plan.AccountsToDeactivate);
    }

    [Fact]
    public void Plan_ActivatedAccount_ContactDetailsNotOverwrittenNamesUpdated()
    {
        var (roster, _) = ReadOneRoster(OneRosterFiles());
        var state = After(roster, Plan(roster, Empty()), Empty(), activated: p => p.Key == "g1");
        var files = OneRosterFiles();
        files["users.csv"] = files["users.csv"].Replace("Nathalie,Martin,,,nathalie.martin@example.org", "Nathalie,Martin-Roux,,,nouvelle@example.org", StringComparison.Ordinal)
            .Replace("g3,,Sarah,Durand,,,sarah.durand@example.org", "g3,,Sarah,Durand,,,sarah@example.org", StringComparison.Ordinal);
        var (changed, _) = ReadOneRoster(files);

        var plan = Plan(changed, state);

        var g1 = plan.AccountChanges.Single(c => changed.People[c.Person].Key == "g1");
        Assert.True(g1.Names);
        Assert.Null(g1.Email);
        // Not activated yet: the school's new address is taken.
        Assert.Equal("sarah@example.org", plan.AccountChanges.Single(c => changed.People[c.Person].Key == "g3").Email);
    }

    [Fact]
    public void Plan_FrenchGuardianWithANewEmail_FoundThroughTheChildNotDuplicated()
    {
        var (roster, _) = ReadFrench(FrenchCsv());
        var state = After(roster, Plan(roster, Empty()), Empty());
        var (changed, _) = ReadFrench(FrenchCsv().Replace("nathalie.martin@example.org", "n.martin@example.org", StringComparison.Ordinal));

        var plan = Plan(changed, state);

        Assert.Empty(plan.NewAccounts);
        Assert.Empty(plan.AccountsToDeactivate);
        var mother = plan.AccountChanges.Single();
        Assert.Equal("n.martin@example.org", mother.Email);
        Assert.StartsWith("fr-resp:", mother.SourcedId, StringComparison.Ordinal);
        Assert.Equal(0, plan.Report[ChangeSubject.GuardianLinks].Created);
    }

    [Fact]
    public void Plan_FrenchFile_TeachersAndTheirAssignmentsUntouched()
    {
        var (oneRoster, _) = ReadOneRoster(OneRosterFiles());
        var state = After(oneRoster, Plan(oneRoster, Empty()), Empty());
        var csv = FrenchHeader + "\r\n0951235B;CM2 A;CM2;Martin;Lucas;14/03/2016;1234567899Z;;;;;;;;;;;;\r\n";
        var (french, _) = ReadFrench(csv);

        var plan = Plan(french, state);

        var teachers = state.Accounts.Where(a => a.Profiles.HasFlag(Profile.Teacher) || a.Profiles.HasFlag(Profile.Head)).Select(a => a.Id).ToHashSet();
        Assert.DoesNotContain(plan.AccountsToDeactivate, teachers.Contains);
        Assert.Empty(plan.TeachingToEnd);
        Assert.Empty(plan.StaffToEnd);
    }

    [Fact]
    public void Plan_PupilOnARejectedLine_KeepsAccountEnrolmentAndGuardians()
    {
        var (roster, _) = ReadFrench(FrenchCsv());
        var state = After(roster, Plan(roster, Empty()), Empty());
        // Léa's line now has an impossible date: rejected, but Léa and her mother stay as they are.
        var (rejected, issues) = ReadFrench(FrenchCsv().Replace("02/10/2019", "31/02/2019", StringComparison.Ordinal));

        var plan = Plan(rejected, state);

        Assert.Equal(1, issues.Count);
        Assert.Empty(plan.AccountsToDeactivate);
        Assert.Empty(plan.EnrolmentsToEnd);
        Assert.Empty(plan.LinksToDelete);
    }

    [Fact]
    public void Plan_GuardianRemovedFromAPupilsLine_LinkDeleted()
    {
        var (roster, _) = ReadFrench(FrenchCsv());
        var state = After(roster, Plan(roster, Empty()), Empty());
        var (changed, _) = ReadFrench(FrenchCsv().Replace(";Père;Martin;Paul;;07 11 22 33 44;oui", ";;;;;;", StringComparison.Ordinal));

        var plan = Plan(changed, state);

        Assert.Single(plan.LinksToDelete);
        Assert.Single(plan.AccountsToDeactivate);
        Assert.Equal(1, plan.Report[ChangeSubject.Guardians].Deactivated);
    }
}
