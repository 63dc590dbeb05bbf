using Preau.FamilyServices.Catchment;

namespace Preau.UnitTests.FamilyServices;

public sealed class CatchmentRulesTests
{
    [Theory]
    [InlineData("Av. Jean-Jaurès", "avenue jean jaures")]
    [InlineData("AVENUE JEAN JAURES", "avenue jean jaures")]
    [InlineData("  avenue   jean jaurès ", "avenue jean jaures")]
    [InlineData("Rue de la Paix", "rue paix")]
    [InlineData("r. de la paix", "rue paix")]
    [InlineData("Bd du Général-de-Gaulle", "boulevard general gaulle")]
    [InlineData("Place Saint-Œuf", "place saint oeuf")]
    [InlineData("Allée des Tilleuls", "allee tilleuls")]
    [InlineData("Chemin de l’Étang", "chemin etang")]
    [InlineData("Imp. d'Artois", "impasse artois")]
    [InlineData("", "")]
    [InlineData("<script>alert(1)</script>", "script alert 1 script")]
    public void Normalize_VariantsOfAStreet_GiveOneForm(string input, string expected)
    {
        Assert.Equal(expected, StreetNames.Normalize(input));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12 bis", 12)]
    [InlineData("12B", 12)]
    [InlineData("12-14", 12)]
    [InlineData(" 7 ter ", 7)]
    [InlineData("0", null)]
    [InlineData("abc", null)]
    [InlineData("123456", null)]
    [InlineData("", null)]
    public void HouseNumbers_Parse_TakesTheFirstNumber(string input, int? expected)
    {
        Assert.Equal(expected, HouseNumbers.Parse(input));
    }

    private static CatchmentRule Street(NumberParity parity, int? from, int? to, SchoolLevel levels = SchoolLevel.Both, string name = "Rue de la Paix") => new()
    {
        Name = name,
        NormalizedName = StreetNames.Normalize(name),
        Parity = parity,
        FromNumber = from,
        ToNumber = to,
        Levels = levels,
        SchoolId = Guid.NewGuid(),
    };

    [Theory]
    [InlineData(1, true)]
    [InlineData(51, true)]
    [InlineData(53, false)]
    [InlineData(2, false)]
    [InlineData(null, false)]
    public void Covers_OddRange_MatchesOddNumbersInsideOnly(int? number, bool expected)
    {
        var rule = Street(NumberParity.Odd, 1, 51);

        Assert.Equal(expected, rule.Covers("rue paix", number, SchoolLevel.Elementaire));
    }

    [Fact]
    public void Covers_EvenOpenRange_MatchesEvenNumbersFromTheStart()
    {
        var rule = Street(NumberParity.Even, 20, null);

        Assert.True(rule.Covers("rue paix", 20, SchoolLevel.Maternelle));
        Assert.True(rule.Covers("rue paix", 1000, SchoolLevel.Maternelle));
        Assert.False(rule.Covers("rue paix", 18, SchoolLevel.Maternelle));
        Assert.False(rule.Covers("rue paix", 21, SchoolLevel.Maternelle));
    }

    [Fact]
    public void Covers_OtherLevelOrStreet_DoesNotMatch()
    {
        var rule = Street(NumberParity.All, null, null, SchoolLevel.Maternelle);

        Assert.True(rule.Covers("rue paix", null, SchoolLevel.Maternelle));
        Assert.False(rule.Covers("rue paix", 3, SchoolLevel.Elementaire));
        Assert.False(rule.Covers("rue guerre", 3, SchoolLevel.Maternelle));
    }

    [Theory]
    [InlineData("Odd", 1, 51, "Even", 2, 50, false)]
    [InlineData("Odd", 1, 51, "Odd", 51, 99, true)]
    [InlineData("Odd", 1, 51, "Odd", 53, 99, false)]
    [InlineData("All", 1, 10, "Even", 10, 20, true)]
    [InlineData("All", 1, 10, "Odd", 10, 20, false)]
    [InlineData("Even", null, null, "All", 100, null, true)]
    [InlineData("Odd", 2, 2, "All", 2, 2, false)]
    public void Overlaps_RangesAndParities_AreCompared(string parity1, int? f1, int? t1, string parity2, int? f2, int? t2, bool expected)
    {
        var p1 = Enum.Parse<NumberParity>(parity1);
        var p2 = Enum.Parse<NumberParity>(parity2);
        Assert.Equal(expected, Street(p1, f1, t1).Overlaps(Street(p2, f2, t2)));
        Assert.Equal(expected, Street(p2, f2, t2).Overlaps(Street(p1, f1, t1)));
    }

    [Fact]
    public void Overlaps_DifferentLevels_DoNotConflict()
    {
        Assert.False(Street(NumberParity.All, null, null, SchoolLevel.Maternelle).Overlaps(Street(NumberParity.All, null, null, SchoolLevel.Elementaire)));
        Assert.True(Street(NumberParity.All, null, null, SchoolLevel.Both).Overlaps(Street(NumberParity.All, null, null, SchoolLevel.Elementaire)));
    }

    [Fact]
    public void Check_ReversedRange_IsRefused()
    {
        Assert.Contains(Street(NumberParity.All, 50, 10).Check(), e => e.Field == "Input.ToNumber");
    }
}
