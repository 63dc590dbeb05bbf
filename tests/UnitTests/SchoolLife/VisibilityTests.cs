using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Settings;

namespace Preau.UnitTests.SchoolLife;

/// <summary>Who sees and writes what: the rules the authorization handlers apply.</summary>
public sealed class VisibilityTests
{
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid OtherSchool = Guid.NewGuid();
    private static readonly Guid Class = Guid.NewGuid();
    private static readonly Guid OtherClass = Guid.NewGuid();
    private static readonly Guid Pupil = Guid.NewGuid();
    private static readonly ClassGroupInfo Group = new(Class, School, Guid.NewGuid(), "CM2 A", "CM2", ClassGroupKind.Class);
    private static readonly SchoolLifeSettings Defaults = SchoolLifeSettings.Defaults(School);

    private static AccountRelations Account(
        Guid? id = null,
        Profile profiles = Profile.None,
        Dictionary<Guid, Profile>? roles = null,
        Dictionary<Guid, Guid>? taught = null,
        Dictionary<Guid, bool>? children = null) =>
        new(id ?? Guid.NewGuid(), profiles, roles ?? [], taught ?? [], new Dictionary<Guid, Guid>(), children ?? []);

    [Fact]
    public void CanReadPupil_ThePupilTheFamilyTheTeacherAndTheSchoolLifeStaff()
    {
        Assert.True(Visibility.CanReadPupil(Account(Pupil), Pupil, School, [Class], Defaults, SchoolLifeArea.Assessments));
        Assert.True(Visibility.CanReadPupil(Account(children: new() { [Pupil] = true }), Pupil, School, [Class], Defaults, SchoolLifeArea.Absences));
        Assert.True(Visibility.CanReadPupil(Account(taught: new() { [Class] = School }), Pupil, School, [Class], Defaults, SchoolLifeArea.Assessments));
        Assert.True(Visibility.CanReadPupil(Account(roles: new() { [School] = Profile.SchoolLifeStaff }), Pupil, School, [Class], Defaults, SchoolLifeArea.Absences));
        Assert.True(Visibility.CanReadPupil(Account(roles: new() { [School] = Profile.Head }), Pupil, School, [Class], Defaults, SchoolLifeArea.Notes));
    }

    [Fact]
    public void CanReadPupil_AnotherPupilAnotherFamilyAnotherClassAnotherSchool_No()
    {
        Assert.False(Visibility.CanReadPupil(Account(Guid.NewGuid(), Profile.Pupil), Pupil, School, [Class], Defaults, SchoolLifeArea.Assessments));
        Assert.False(Visibility.CanReadPupil(Account(children: new() { [Guid.NewGuid()] = true }), Pupil, School, [Class], Defaults, SchoolLifeArea.Absences));
        Assert.False(Visibility.CanReadPupil(Account(taught: new() { [OtherClass] = School }), Pupil, School, [Class], Defaults, SchoolLifeArea.Assessments));
        Assert.False(Visibility.CanReadPupil(Account(roles: new() { [OtherSchool] = Profile.SchoolLifeStaff }), Pupil, School, [Class], Defaults, SchoolLifeArea.Absences));
        // A teacher of the school who does not teach the pupil is not school-life staff.
        Assert.False(Visibility.CanReadPupil(Account(roles: new() { [School] = Profile.Teacher }), Pupil, School, [Class], Defaults, SchoolLifeArea.Absences));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void GuardianWithoutParentalAuthority_SeesEverythingByDefault_UnlessTheSchoolNarrowsIt(int areaNumber)
    {
        var area = (SchoolLifeArea)areaNumber;
        var guardian = Account(children: new() { [Pupil] = false });
        var narrowed = SchoolLifeSettings.Defaults(School);
        narrowed.NonCustodialSeeNotes = area != SchoolLifeArea.Notes;
        narrowed.NonCustodialSeeAbsences = area != SchoolLifeArea.Absences;
        narrowed.NonCustodialSeeAssessments = area != SchoolLifeArea.Assessments;

        Assert.True(Visibility.GuardianSees(guardian, Pupil, Defaults, area));
        Assert.False(Visibility.GuardianSees(guardian, Pupil, narrowed, area));
        Assert.True(Visibility.GuardianSees(Account(children: new() { [Pupil] = true }), Pupil, narrowed, area));
    }

    [Fact]
    public void CanAnswer_AnAuthorization_OnlyWithParentalAuthority()
    {
        Assert.True(Visibility.CanAnswer(isAuthorization: true, hasParentalAuthority: true));
        Assert.False(Visibility.CanAnswer(isAuthorization: true, hasParentalAuthority: false));
        Assert.True(Visibility.CanAnswer(isAuthorization: false, hasParentalAuthority: false));
    }

    [Fact]
    public void CanTeach_TeachersOfTheGroupAndTheHead_NotSchoolLifeStaffNorOtherTeachers()
    {
        Assert.True(Visibility.CanTeach(Account(taught: new() { [Class] = School }), Group));
        Assert.True(Visibility.CanTeach(Account(roles: new() { [School] = Profile.Head }), Group));
        Assert.False(Visibility.CanTeach(Account(roles: new() { [School] = Profile.SchoolLifeStaff | Profile.Teacher }), Group));
        Assert.False(Visibility.CanTeach(Account(roles: new() { [OtherSchool] = Profile.Head }), Group));
    }

    [Fact]
    public void Writing_Notes_TeacherToTheirGroupsStaffToTheirSchool()
    {
        var teacher = Account(taught: new() { [Class] = School });
        var cpe = Account(roles: new() { [School] = Profile.SchoolLifeStaff });

        Assert.True(Visibility.CanWriteToGroup(teacher, Group));
        Assert.True(Visibility.CanWriteToPupil(teacher, School, [Class]));
        Assert.False(Visibility.CanWriteToPupil(teacher, School, [OtherClass]));
        Assert.False(Visibility.CanWriteToSchool(teacher, School));
        Assert.True(Visibility.CanWriteToSchool(cpe, School));
        Assert.True(Visibility.CanWriteToGroup(cpe, Group));
        Assert.False(Visibility.CanWriteToSchool(cpe, OtherSchool));
    }
}
