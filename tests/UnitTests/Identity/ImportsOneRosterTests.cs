using Preau.Identity.Contracts;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;
using static Preau.UnitTests.Identity.ImportsFiles;

namespace Preau.UnitTests.Identity;

/// <summary>1EdTech OneRoster 1.2 bulk CSV (CSV Binding 1.2.1), as docs/imports.md maps it.</summary>
public sealed class ImportsOneRosterTests
{
    [Fact]
    public void Read_ValidSet_SchoolsClassesPeopleAndTheirLinks()
    {
        var (roster, issues) = ReadOneRoster(OneRosterFiles());

        Assert.True(issues.Count == 0, Describe(issues));
        Assert.Equal(["0951235B", "0951236C"], roster.Schools.Select(s => s.Uai));
        Assert.All(roster.Schools, s => Assert.NotNull(s.ExistingId));
        Assert.Equal(new DateOnly(2026, 9, 1), roster.Years["2026-2027"].StartsOn);
        Assert.Equal(("CM2 A", "CM2", ClassGroupKind.Class), (roster.Classes[0].Name, roster.Classes[0].Level, roster.Classes[0].Kind));
        Assert.Equal(Profile.Pupil, Person(roster, "p1").Profiles);
        Assert.Equal(new DateOnly(2016, 3, 14), Person(roster, "p1").BirthDate);
        Assert.Equal("0612345678", Person(roster, "g1").Phone);
        Assert.Equal(Profile.Head, Person(roster, "h1").Profiles);
        Assert.Equal(3, roster.Enrolments.Count);
        Assert.Equal("Mathématiques", roster.Teaching.Single(t => roster.People[t.Teacher].Key == "t2").Subject);
        Assert.Contains(roster.Staff, s => roster.People[s.Person].Key == "h1" && s.Profile == Profile.Head && roster.Schools[s.School].Uai == "0951235B");
    }

    [Fact]
    public void Read_AgentsInBothDirections_GuardiansLinkedWithTheirKind()
    {
        var (roster, _) = ReadOneRoster(OneRosterFiles());

        string Link(RosterLink l) => $"{roster.People[l.Guardian].Key}>{roster.People[l.Pupil].Key}:{l.Relation}:{l.HasParentalAuthority}";
        Assert.Equal(["g1>p1:Mother:True", "g1>p2:Mother:True", "g2>p1:Father:True", "g3>p3:LegalGuardian:True"], roster.Links.Select(Link).Order());
    }

    [Fact]
    public void Read_HeadOfSchoolB_EverythingAboutSchoolARejected()
    {
        var (roster, issues) = ReadOneRoster(OneRosterFiles(), restrictedTo: SchoolB.Id);

        Assert.Equal(["0951236C"], roster.Schools.Select(s => s.Uai));
        Assert.Equal(["c-6a"], roster.Classes.Select(c => c.Key));
        Assert.Equal(["g3", "p3", "t2"], roster.People.Select(p => p.Key).Order());
        Assert.Contains(issues.Listed, i => i.File == "orgs.csv" && i.Line == 3 && i.Reason == RosterIssues.OutOfScope && i.Value == "0951235B");
        Assert.Contains(issues.Listed, i => i.File == "classes.csv" && i.Line == 2 && i.Reason == RosterIssues.OutOfScope);
        Assert.Contains(issues.Listed, i => i.File == "roles.csv" && i.Line == 2 && i.Reason == RosterIssues.OutOfScope);
        Assert.Contains(issues.Listed, i => i.File == "enrollments.csv" && i.Line == 2 && i.Reason == RosterIssues.OutOfScope);
        Assert.Contains(issues.Listed, i => i.File == "users.csv" && i.Line == 5 && i.Reason == OneRosterReader.GuardianWithoutPupil);
    }

    [Theory]
    [InlineData("manifest.csv", "propertyName,value\r\noneroster.version,1.1\r\n", "L’export est en OneRoster « {0} » : Préau lit OneRoster 1.2.")]
    [InlineData("manifest.csv", "propertyName,value\r\noneroster.version,1.2\r\nfile.users,delta\r\n", "« {0} » est un export delta : Préau importe des exports complets (bulk).")]
    [InlineData("roles.csv", null, "Le fichier « {0} » manque dans l’archive (obligatoire, ou annoncé par manifest.csv).")]
    [InlineData("manifest.csv", null, "L’archive ne contient pas de manifest.csv : ce n’est pas un export OneRoster.")]
    [InlineData("users.csv", "sourcedId,status,givenName\r\np1,active,Lucas\r\n", "Il manque dans « {0} » la ou les colonnes obligatoires : {1}.")]
    public void Read_UnusableSet_RefusedAsAWhole(string file, string? content, string problem)
    {
        var files = OneRosterFiles();
        if (content is null)
        {
            files.Remove(file);
        }
        else
        {
            files[file] = content;
        }

        var refused = Assert.Throws<RosterFileException>(() => ReadOneRoster(files));

        Assert.Equal(problem, refused.Problem.Text);
    }

    [Fact]
    public void Read_DuplicatedSourcedId_SecondRejected()
    {
        var files = OneRosterFiles();
        files["users.csv"] += "p1,active,,true,p1,,Autre,Élève,,,,,,,,,,,,,,,\r\n";

        var (roster, issues) = ReadOneRoster(files);

        var issue = Assert.Single(issues.Listed);
        Assert.Equal(("users.csv", 11, "sourcedId", RosterIssues.DuplicateId, "p1"), (issue.File, issue.Line, issue.Column, issue.Reason, issue.Value));
        Assert.Equal("Lucas", Person(roster, "p1").FirstName);
    }

    [Fact]
    public void Read_UnknownReferences_Rejected()
    {
        var files = OneRosterFiles();
        files["enrollments.csv"] += "e6,active,,c-inconnue,org-a,p1,student,false,,,\r\ne7,active,,c-cm2a,org-a,inconnu,student,false,,,\r\n";
        files["roles.csv"] += "r10,active,,fantome,primary,student,,,org-a,\r\n";

        var (_, issues) = ReadOneRoster(files);

        Assert.Contains(issues.Listed, i => i.File == "enrollments.csv" && i.Line == 7 && i.Column == "classSourcedId" && i.Reason == RosterIssues.UnknownReference && i.Value == "c-inconnue");
        Assert.Contains(issues.Listed, i => i.File == "enrollments.csv" && i.Line == 8 && i.Column == "userSourcedId" && i.Value == "inconnu");
        Assert.Contains(issues.Listed, i => i.File == "roles.csv" && i.Line == 11 && i.Value == "fantome");
    }

    [Fact]
    public void Read_AdministratorRole_NeverImported()
    {
        var files = OneRosterFiles();
        files["users.csv"] += "a1,active,,true,a1,,Pirate,Admin,,,,,,,,,,,,,,,\r\n";
        files["roles.csv"] += "r10,active,,a1,primary,districtAdministrator,,,district,\r\n";

        var (roster, issues) = ReadOneRoster(files);

        Assert.False(roster.PersonByKey.ContainsKey("a1"));
        Assert.Contains(issues.Listed, i => i.File == "roles.csv" && i.Reason == RosterIssues.UnsupportedRole && i.Value == "districtAdministrator");
        Assert.Contains(issues.Listed, i => i.File == "users.csv" && i.Line == 11 && i.Reason == RosterIssues.NoRoleInScope);
    }

    [Fact]
    public void Read_PupilInTwoClassesOfTheSameYear_SecondRejected()
    {
        var files = OneRosterFiles();
        files["classes.csv"] += "c-cm2b,active,,CM2 B,05,course-cm2,,homeroom,,org-a,t1,,,\r\nc-esp,active,,Espagnol,05,course-esp,,scheduled,,org-a,t1,Espagnol,,\r\n";
        files["enrollments.csv"] += "e6,active,,c-cm2b,org-a,p1,student,false,,,\r\ne7,active,,c-esp,org-a,p1,student,false,,,\r\n";

        var (roster, issues) = ReadOneRoster(files);

        var issue = Assert.Single(issues.Listed);
        Assert.Equal((7, RosterIssues.SecondClassSameYear, "CM2 A"), (issue.Line, issue.Reason, issue.Value));
        // A group (scheduled class) is not a second class.
        Assert.Contains(roster.Enrolments, e => roster.People[e.Pupil].Key == "p1" && roster.Classes[e.Class].Key == "c-esp");
    }

    [Fact]
    public void Read_DisabledOrDeletedUsers_NotImportedNorMentioned()
    {
        var files = OneRosterFiles();
        files["users.csv"] = files["users.csv"].Replace("p2,active,,true,", "p2,active,,false,", StringComparison.Ordinal).Replace("g3,active,", "g3,tobedeleted,", StringComparison.Ordinal);

        var (roster, _) = ReadOneRoster(files);

        Assert.False(roster.PersonByKey.ContainsKey("p2"));
        Assert.False(roster.PersonByKey.ContainsKey("g3"));
        Assert.DoesNotContain("p2", roster.MentionedKeys);
    }

    [Fact]
    public void Read_InvalidContactDetails_UserRejected()
    {
        var files = OneRosterFiles();
        files["users.csv"] = files["users.csv"].Replace("julie.fontaine@example.org", "julie.fontaine@", StringComparison.Ordinal);

        var (roster, issues) = ReadOneRoster(files);

        Assert.Contains(issues.Listed, i => i.File == "users.csv" && i.Line == 8 && i.Column == "email" && i.Reason == RosterIssues.InvalidEmail);
        Assert.False(roster.PersonByKey.ContainsKey("t1"));
        Assert.Contains("t1", roster.MentionedKeys);
    }

    [Fact]
    public void Read_SemicolonsAndWindows1252_Read()
    {
        var files = OneRosterFiles().ToDictionary(f => f.Key, f => f.Key == "users.csv" ? f.Value.Replace("\"p1,p2\"", "\"p1|p2\"", StringComparison.Ordinal).Replace(',', ';').Replace('|', ',') : f.Value);

        var (roster, issues) = ReadOneRoster(Zip(files, Windows1252));

        Assert.True(issues.Count == 0, Describe(issues));
        Assert.Equal("Léa", Person(roster, "p2").FirstName);
        Assert.Equal(2, roster.Links.Count(l => roster.People[l.Guardian].Key == "g1"));
    }

    [Fact]
    public void Read_UnknownGrade_ClassKeptWithoutLevel()
    {
        var files = OneRosterFiles();
        files["classes.csv"] = files["classes.csv"].Replace("CM2 A,05,", "CM2 A,ZZ,", StringComparison.Ordinal);

        var (roster, issues) = ReadOneRoster(files);

        Assert.Null(roster.Classes.Single(c => c.Key == "c-cm2a").Level);
        Assert.Equal((OneRosterReader.LevelIgnored, "ZZ"), (issues.Listed.Single().Reason, issues.Listed.Single().Value));
    }
}
