using Preau.FamilyServices;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Platform.Files;

namespace Preau.UnitTests.FamilyServices;

public sealed class HouseholdRulesTests
{
    private static readonly Guid Mother = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Father = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid StepFather = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Lucas = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Lea = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Noah = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Other = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid OtherParent = Guid.Parse("00000000-0000-0000-0000-000000000004");

    [Fact]
    public void Grouping_GuardiansSharingChildren_FormOneHousehold()
    {
        var groups = HouseholdGrouping.Of([(Mother, Lucas), (Father, Lucas), (Mother, Lea), (Father, Lea), (OtherParent, Other)]);

        Assert.Equal(2, groups.Count);
        Assert.Equal([Mother, Father], groups[0].GuardianIds);
        Assert.Equal([Lucas, Lea], groups[0].ChildIds);
        Assert.Equal([OtherParent], groups[1].GuardianIds);
    }

    [Fact]
    public void Grouping_BlendedFamily_LinksThroughTheSharedChild()
    {
        // Noah is the mother's and the stepfather's; Lucas the mother's and the father's: one roster group.
        var groups = HouseholdGrouping.Of([(Mother, Lucas), (Father, Lucas), (Mother, Noah), (StepFather, Noah)]);

        var group = Assert.Single(groups);
        Assert.Equal(3, group.GuardianIds.Count);
        Assert.Equal([Lucas, Noah], group.ChildIds);
    }

    [Theory]
    [InlineData("06 12 34 56 78", "06 12 34 56 78")]
    [InlineData("0612345678", "06 12 34 56 78")]
    [InlineData("06.12.34.56.78", "06 12 34 56 78")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+262 262 12 34 56", "+262262123456")]
    [InlineData("06 12", null)]
    [InlineData("<script>", null)]
    [InlineData("appelez-moi", null)]
    [InlineData("", null)]
    public void PhoneNumber_Normalize_AcceptsWhatFamiliesType(string input, string? expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Theory]
    [InlineData("Mamie Jo", 100, false, null)]
    [InlineData("   ", 100, true, "Ce champ est obligatoire.")]
    [InlineData("<script>alert(1)</script>", 100, false, "Les caractères < et > ne sont pas acceptés.")]
    [InlineData("trop long pour dix", 10, false, "Ce texte dépasse {0} caractères.")]
    [InlineData("nul\u0000", 100, false, "Ce texte contient des caractères non autorisés.")]
    [InlineData("ligne 1\nligne 2", 100, false, null)]
    public void PlainText_Check_RefusesMarkupAndOverlongText(string input, int max, bool required, string? expected) =>
        Assert.Equal(expected, PlainText.Check(input, max, required));

    [Fact]
    public void Allergens_TheFourteenOfTheRegulation_InOrderWithFrenchNames()
    {
        Assert.Equal(14, Allergens.All.Count);
        Assert.Equal("Gluten", Allergens.All[0].Name);
        Assert.Equal("Mollusques", Allergens.All[^1].Name);
        Assert.Equal(14, Allergens.All.Select(a => a.Allergen).Distinct().Count());
        Assert.Equal(Allergen.Peanuts | Allergen.Milk, Allergens.Combine([Allergen.Peanuts, Allergen.Milk, (Allergen)(1 << 20)]));
        Assert.True(Allergens.Match(Allergen.Peanuts | Allergen.Milk, Allergen.Milk | Allergen.Gluten));
        Assert.False(Allergens.Match(Allergen.Peanuts, Allergen.Milk));
        Assert.Equal([Allergen.Peanuts, Allergen.Milk], Allergens.In(Allergen.Milk | Allergen.Peanuts));
    }

    [Theory]
    [InlineData("../../etc/passwd", FileKind.Pdf, "passwd.pdf")]
    [InlineData("C:\\Users\\moi\\Attestation CAF.PDF", FileKind.Pdf, "Attestation CAF.pdf")]
    [InlineData("photo<script>.png", FileKind.Jpeg, "photoscript.jpg")]
    [InlineData("", FileKind.Png, "document.png")]
    public void SafeFileName_KeepsOnlyTheNameWithTheRealExtension(string given, FileKind kind, string expected) =>
        Assert.Equal(expected, SupportingDocuments.SafeFileName(given, kind));

    [Fact]
    public void ParseStops_OneStopPerLine_WithOptionalTimes()
    {
        var problems = new List<FormProblem>();

        var stops = SaveService.ParseStops("Place de la Mairie ; 07:45 ; 17:10\nÉcole Jean-Jaurès\nLes Tilleuls ; 8h05", problems);

        Assert.Empty(problems);
        Assert.Equal(3, stops.Count);
        Assert.Equal(new TimeOnly(7, 45), stops[0].MorningTime);
        Assert.Null(stops[1].MorningTime);
        Assert.Equal(new TimeOnly(8, 5), stops[2].MorningTime);

        SaveService.ParseStops("Mairie ; 25:00", problems);
        Assert.Single(problems);
    }
}
