using Preau.Identity.Accounts;
using Preau.Identity.Activation;
using Preau.Identity.Classes;
using Preau.Identity.Demo;
using Preau.Identity.Schools;
using Preau.Platform.Authorization;

namespace Preau.UnitTests.Identity;

public sealed class StructureRulesTests
{
    [Theory]
    [InlineData("0750655E", "0750655E")]
    [InlineData(" 0750655e ", "0750655E")]
    [InlineData("9710001A", null)]
    [InlineData("0750655F", null)]
    [InlineData("075065E", null)]
    [InlineData("A750655E", null)]
    [InlineData("", null)]
    public void UaiNormalize_ChecksLengthDigitsAndCheckLetter(string input, string? expected) =>
        Assert.Equal(expected, Uai.Normalize(input));

    [Fact]
    public void UaiWithCheckLetter_ProducesValidCodes()
    {
        for (var n = 0; n < 500; n++)
        {
            var code = Uai.WithCheckLetter("095" + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(code, Uai.Normalize(code));
        }
    }

    [Theory]
    [InlineData(2026, 11, 23, "2026-2027")]
    [InlineData(2027, 3, 1, "2026-2027")]
    [InlineData(2027, 8, 20, "2027-2028")]
    public void SchoolYearLabelFor_FollowsTheFrenchCalendar(int year, int month, int day, string label) =>
        Assert.Equal(label, SchoolYear.LabelFor(new DateOnly(year, month, day)));

    [Fact]
    public void ActivationCode_TypedWithSpacesDashesAndLowerCase_MatchesItsHash()
    {
        var now = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        var (code, clear) = ActivationCode.Issue(Guid.NewGuid(), now, TimeSpan.FromDays(30));

        Assert.Equal(ActivationCode.Length, clear.Length);
        Assert.Equal(code.CodeHash, ActivationCode.Hash(" " + ActivationCode.Format(clear).ToLowerInvariant().Replace("-", " - ", StringComparison.Ordinal)));
        Assert.DoesNotContain(clear, code.CodeHash, StringComparison.Ordinal);
        Assert.True(code.IsUsable(now.AddDays(29)));
        Assert.False(code.IsUsable(now.AddDays(31)));
    }

    [Fact]
    public void LoginNames_Homonyms_GetANumber()
    {
        var taken = new HashSet<string> { "zoe.lefevre" };

        Assert.Equal("zoe.lefevre2", LoginNames.Unique("Zoé", "Lefèvre", taken));
        Assert.Equal("jean-pierre.n-diaye", LoginNames.Unique("Jean Pierre", "N'Diaye", new HashSet<string>()));
    }

    [Theory]
    [InlineData(Profile.TerritoryAdmin, false, true)]
    [InlineData(Profile.Teacher, false, false)]
    [InlineData(Profile.Teacher, true, true)]
    [InlineData(Profile.Guardian, true, false)]
    [InlineData(Profile.Guardian | Profile.Head, true, true)]
    public void MustUseSecondFactor_AdminsAlwaysStaffWhenTheTerritoryRequiresIt(Profile profiles, bool territoryRequires, bool expected) =>
        Assert.Equal(expected, AccountClaimsFactory.MustUseSecondFactor(profiles, territoryRequires));
}
