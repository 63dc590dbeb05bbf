using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.UnitTests.Communication;

/// <summary>Issue 4, item 2: who may write to whom, for every pair of profiles, with the safe defaults.</summary>
public sealed class CommunicationRulesTests
{
    private static readonly Guid SchoolA = Guid.NewGuid();
    private static readonly Guid SchoolB = Guid.NewGuid();
    private static readonly Guid ClassA = Guid.NewGuid();
    private static readonly Guid ClassA2 = Guid.NewGuid();
    private static readonly Guid ClassB = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> NoOpenClass = new HashSet<Guid>();

    /// <summary>An account of one profile placed in school A (class A where a class makes sense).</summary>
    private static AccountPlacement InSchoolA(Profile profile, Guid? group = null) => Place(profile, SchoolA, group ?? ClassA);

    private static AccountPlacement Place(Profile profile, Guid school, Guid group) => profile switch
    {
        Profile.Pupil => new(Guid.NewGuid(), profile, true, new Dictionary<Guid, Profile>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid> { [group] = school }, new Dictionary<Guid, Guid>()),
        Profile.Guardian => new(Guid.NewGuid(), profile, true, new Dictionary<Guid, Profile>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid> { [group] = school }),
        Profile.Teacher => new(Guid.NewGuid(), profile, true, new Dictionary<Guid, Profile> { [school] = profile }, new Dictionary<Guid, Guid> { [group] = school }, new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>()),
        Profile.Head or Profile.SchoolLifeStaff or Profile.AfterSchoolStaff or Profile.ItTechnician =>
            new(Guid.NewGuid(), profile, true, new Dictionary<Guid, Profile> { [school] = profile }, new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>()),
        _ => new(Guid.NewGuid(), profile, true, new Dictionary<Guid, Profile>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>()),
    };

    private static bool MayWrite(AccountPlacement sender, AccountPlacement recipient, IReadOnlySet<Guid>? open = null) =>
        CommunicationRules.MayWrite(RuleMatrix.Defaults, sender, recipient, open ?? NoOpenClass);

    public static TheoryData<Profile, Profile, bool> SameSchoolDefaults()
    {
        // Sender, recipient, allowed — both in school A, class A where a class makes sense.
        var data = new TheoryData<Profile, Profile, bool>();
        var expected = new Dictionary<Profile, Profile>
        {
            [Profile.Pupil] = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff,
            [Profile.Guardian] = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.MunicipalAgent,
            [Profile.Teacher] = Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.ItTechnician | Profile.MunicipalAgent,
            [Profile.Head] = Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.ItTechnician | Profile.MunicipalAgent | Profile.ElectedOfficial | Profile.TerritoryAdmin,
            [Profile.SchoolLifeStaff] = Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.ItTechnician | Profile.MunicipalAgent,
            [Profile.AfterSchoolStaff] = Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.ItTechnician | Profile.MunicipalAgent,
            [Profile.MunicipalAgent] = Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.MunicipalAgent | Profile.ItTechnician | Profile.ElectedOfficial | Profile.Partner | Profile.TerritoryAdmin,
            [Profile.ItTechnician] = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.ItTechnician | Profile.MunicipalAgent | Profile.TerritoryAdmin,
            [Profile.ElectedOfficial] = Profile.Head | Profile.MunicipalAgent | Profile.ElectedOfficial | Profile.TerritoryAdmin,
            [Profile.Partner] = Profile.MunicipalAgent,
            [Profile.TerritoryAdmin] = Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff | Profile.MunicipalAgent | Profile.ItTechnician | Profile.ElectedOfficial | Profile.Partner | Profile.TerritoryAdmin,
        };
        foreach (var sender in RuleMatrix.Profiles)
        {
            foreach (var recipient in RuleMatrix.Profiles)
            {
                data.Add(sender, recipient, (expected[sender] & recipient) != Profile.None);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SameSchoolDefaults))]
    public void MayWrite_EveryProfilePairInTheSameSchool_FollowsTheSafeDefaults(Profile sender, Profile recipient, bool allowed)
    {
        Assert.Equal(allowed, MayWrite(InSchoolA(sender), InSchoolA(recipient)));
    }

    [Theory]
    [InlineData(Profile.Pupil)]
    [InlineData(Profile.Guardian)]
    [InlineData(Profile.Teacher)]
    [InlineData(Profile.Head)]
    [InlineData(Profile.SchoolLifeStaff)]
    [InlineData(Profile.AfterSchoolStaff)]
    [InlineData(Profile.MunicipalAgent)]
    [InlineData(Profile.ElectedOfficial)]
    [InlineData(Profile.Partner)]
    [InlineData(Profile.TerritoryAdmin)]
    public void MayWrite_ToAPupilOfAnotherSchool_IsRefusedWhateverTheProfile(Profile sender)
    {
        Assert.False(MayWrite(InSchoolA(sender), Place(Profile.Pupil, SchoolB, ClassB)));
    }

    [Fact]
    public void MayWrite_UnrelatedMinor_IsRefusedEvenWhenATerritoryOpensEverything()
    {
        var everything = RuleMatrix.Profiles.SelectMany(s => RuleMatrix.Profiles.Select(r => new CommunicationRule { SenderProfile = s, RecipientProfile = r, Reach = Reach.Territory }));
        var matrix = RuleMatrix.From(everything);

        Assert.False(CommunicationRules.MayWrite(matrix, InSchoolA(Profile.Teacher), Place(Profile.Pupil, SchoolB, ClassB), NoOpenClass));
        Assert.False(CommunicationRules.MayWrite(matrix, InSchoolA(Profile.MunicipalAgent), InSchoolA(Profile.Pupil), NoOpenClass));
        Assert.False(CommunicationRules.MayWrite(matrix, InSchoolA(Profile.Guardian), InSchoolA(Profile.Pupil), NoOpenClass));
        Assert.Equal(Reach.School, matrix[Profile.Teacher, Profile.Pupil]);
        Assert.Equal(Reach.Class, matrix[Profile.Pupil, Profile.Pupil]);
    }

    [Fact]
    public void MayWrite_PupilToClassmate_OnlyWhereTheTeacherOpenedTheClass()
    {
        var pupil = InSchoolA(Profile.Pupil);
        var classmate = InSchoolA(Profile.Pupil);

        Assert.False(MayWrite(pupil, classmate));
        Assert.True(MayWrite(pupil, classmate, new HashSet<Guid> { ClassA }));
        Assert.False(MayWrite(pupil, InSchoolA(Profile.Pupil, ClassA2), new HashSet<Guid> { ClassA, ClassA2 }));
    }

    [Fact]
    public void MayWrite_GuardianToTeacher_OnlyTheChildsTeachers()
    {
        var guardian = InSchoolA(Profile.Guardian);

        Assert.True(MayWrite(guardian, InSchoolA(Profile.Teacher)));
        Assert.False(MayWrite(guardian, InSchoolA(Profile.Teacher, ClassA2)));
        Assert.False(MayWrite(guardian, Place(Profile.Teacher, SchoolB, ClassB)));
        Assert.False(MayWrite(guardian, Place(Profile.Head, SchoolB, ClassB)));
    }

    [Fact]
    public void MayWrite_TeacherWhoIsAlsoAParent_DoesNotReachTheFamiliesOfTheChildsSchoolAsATeacher()
    {
        // Teaches in school B; the child is in class A of school A.
        var teacherParent = new AccountPlacement(Guid.NewGuid(), Profile.Teacher | Profile.Guardian, true,
            new Dictionary<Guid, Profile> { [SchoolB] = Profile.Teacher }, new Dictionary<Guid, Guid> { [ClassB] = SchoolB },
            new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid> { [ClassA] = SchoolA });

        Assert.False(MayWrite(teacherParent, InSchoolA(Profile.Guardian)));
        Assert.True(MayWrite(teacherParent, InSchoolA(Profile.Teacher)));
        Assert.True(MayWrite(teacherParent, Place(Profile.Guardian, SchoolB, ClassB)));
    }

    [Fact]
    public void MayWrite_ToOneselfOrAnInactiveAccount_IsRefused()
    {
        var teacher = InSchoolA(Profile.Teacher);

        Assert.False(MayWrite(teacher, teacher));
        Assert.False(MayWrite(teacher, InSchoolA(Profile.Guardian) with { IsActive = false }));
    }

    [Fact]
    public void From_ATerritoryClosesACell_TheRuleFollows()
    {
        var matrix = RuleMatrix.From([new CommunicationRule { SenderProfile = Profile.Guardian, RecipientProfile = Profile.MunicipalAgent, Reach = Reach.None }]);

        Assert.False(CommunicationRules.MayWrite(matrix, InSchoolA(Profile.Guardian), InSchoolA(Profile.MunicipalAgent), NoOpenClass));
    }

    [Fact]
    public void OptionsFor_Pupils_NeverOfferTheTerritory()
    {
        foreach (var sender in RuleMatrix.Profiles)
        {
            Assert.DoesNotContain(Reach.Territory, RuleMatrix.OptionsFor(sender, Profile.Pupil));
            Assert.DoesNotContain(Reach.Territory, RuleMatrix.OptionsFor(Profile.Pupil, sender));
        }
    }
}
