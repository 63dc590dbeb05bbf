using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Schools;
using Preau.Identity.Structures;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;

namespace Preau.UnitTests.Identity;

/// <summary>The rules of the administration: theme contrast, periods, grants, scopes, search patterns.</summary>
public sealed class AdminRulesTests
{
    [Theory]
    [InlineData("#1f4e8c", true)] // Préau's default blue: 8.3:1 on white, 7.1:1 on its tint.
    [InlineData("#000000", true)]
    [InlineData("#6a6a6a", true)] // 5.4:1 on white, 4.75:1 on its tint.
    [InlineData("#767676", false)] // 4.54:1 on white, but 4.03:1 on its tint (hover of secondary buttons).
    [InlineData("#e2001a", false)] // A bright red: 4.9:1 on white, 4.1:1 on its tint.
    [InlineData("#b3261e", true)] // Préau's error red: 6.5:1 and 5.6:1.
    [InlineData("#ffd700", false)] // Gold: 1.4:1.
    [InlineData("#ffffff", false)]
    public void ThemeColorIsReadable_AgainstWhiteAndItsTint_FollowsWcagAa(string color, bool readable) =>
        Assert.Equal(readable, ThemeColor.IsReadable(ThemeColor.Normalize(color)!));

    [Fact]
    public void ThemeColorContrast_BlackOnWhite_Is21()
    {
        Assert.Equal(21, ThemeColor.Contrast((0, 0, 0), (1, 1, 1)), precision: 6);
        Assert.Equal(1, ThemeColor.Contrast((1, 1, 1), (1, 1, 1)), precision: 6);
    }

    [Theory]
    [InlineData(" #1F4E8C ", "#1f4e8c")]
    [InlineData("1f4e8c", "#1f4e8c")]
    [InlineData("#1f4e8", null)]
    [InlineData("#1f4e8g", null)]
    [InlineData("red", null)]
    [InlineData("</style><script>", null)]
    [InlineData(null, null)]
    public void ThemeColorNormalize_AcceptsOnlySixHexDigits(string? input, string? expected) =>
        Assert.Equal(expected, ThemeColor.Normalize(input));

    [Theory]
    [InlineData("2026-09-01", "2027-07-04", "2027-07-04", "2027-08-31", true)]
    [InlineData("2026-09-01", "2027-07-04", "2027-07-05", "2028-07-03", false)]
    [InlineData("2027-09-01", "2028-07-03", "2026-09-01", "2027-07-04", false)]
    [InlineData("2026-09-01", "2027-07-04", "2026-10-01", "2026-10-31", true)]
    public void SchoolYearOverlap_SharedDaysCountBothEndsIncluded(string a1, string a2, string b1, string b2, bool overlap) =>
        Assert.Equal(overlap, SchoolYear.Overlap(DateOnly.Parse(a1, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(a2, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(b1, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(b2, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void GrantableBy_EachActor_GivesOnlyWhatTheirRoleAllows()
    {
        var school = Guid.NewGuid();
        var head = Relations(Profile.Head, new Dictionary<Guid, Profile> { [school] = Profile.Head });
        var teacher = Relations(Profile.Teacher, new Dictionary<Guid, Profile> { [school] = Profile.Teacher });
        var admin = Relations(Profile.TerritoryAdmin, new Dictionary<Guid, Profile>());
        var platform = Relations(Profile.PlatformAdmin, new Dictionary<Guid, Profile>());

        Assert.Equal(IdentityAuthorizationHandler.HeadManageableProfiles, IdentityAuthorizationHandler.GrantableBy(head));
        Assert.Equal(Profile.None, IdentityAuthorizationHandler.GrantableBy(teacher));
        Assert.Equal(Profile.None, IdentityAuthorizationHandler.GrantableBy(admin) & Profile.PlatformAdmin);
        Assert.NotEqual(Profile.None, IdentityAuthorizationHandler.GrantableBy(admin) & Profile.TerritoryAdmin);
        Assert.NotEqual(Profile.None, IdentityAuthorizationHandler.GrantableBy(platform) & Profile.PlatformAdmin);
    }

    [Fact]
    public void SchoolScope_HeadManagesHeadedSchoolsOnlyAndAgentsPrintLettersEverywhere()
    {
        var headed = Guid.NewGuid();
        var taught = Guid.NewGuid();
        var head = Relations(Profile.Head | Profile.Teacher, new Dictionary<Guid, Profile> { [headed] = Profile.Head, [taught] = Profile.Teacher });
        var agent = Relations(Profile.MunicipalAgent, new Dictionary<Guid, Profile>());

        var scope = SchoolScope.ManagedBy(head);
        Assert.True(scope.Includes(headed));
        Assert.False(scope.Includes(taught));
        Assert.False(SchoolScope.ManagedBy(agent).Includes(headed));
        Assert.True(SchoolScope.PrintsLettersFor(agent).Includes(headed));
    }

    [Theory]
    [InlineData("Dupont", "%dupont%")]
    [InlineData(" 50%_x\\ ", "%50\\%\\_x\\\\%")]
    public void SearchPatternContains_EscapesWildcards(string typed, string pattern) =>
        Assert.Equal(pattern, SearchPattern.Contains(typed));

    [Fact]
    public void SaveSchoolCheck_RulesOfTheForm_GiveOneMessagePerBrokenRule()
    {
        var errors = SaveSchool.Check(new SchoolInput("0750655F", " ", SchoolKind.College, null, "9545", null, 95, null), out var uai);

        Assert.Null(uai);
        Assert.Equal(["Uai", "Name", "PostalCode", "Latitude"], errors.Select(e => e.Field));
        Assert.Empty(SaveSchool.Check(new SchoolInput("0750655e", "Lycée", SchoolKind.Lycee, "1 rue", "75005", "Paris", 48.85, 2.35), out var valid));
        Assert.Equal("0750655E", valid);
    }

    [Fact]
    public void TerritoryZones_AllKnownToTheSystem()
    {
        Assert.All(TerritoryZones.All, z => Assert.True(TerritoryZones.IsSupported(z.Id), z.Id));
        Assert.False(TerritoryZones.IsSupported("Mars/Olympus"));
    }

    private static AccountRelations Relations(Profile profiles, Dictionary<Guid, Profile> schools) =>
        new(Guid.NewGuid(), profiles, schools, new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, bool>());
}
