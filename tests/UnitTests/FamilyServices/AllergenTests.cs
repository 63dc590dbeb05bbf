using Preau.FamilyServices;
using Preau.FamilyServices.Menus;

namespace Preau.UnitTests.FamilyServices;

public sealed class AllergenTests
{
    [Fact]
    public void List_HasTheFourteenAllergensOfTheRegulation()
    {
        Assert.Equal(14, Allergens.All.Count);
        Assert.Equal(14, Allergens.All.Select(a => Allergens.Code(a.Allergen)).Distinct().Count());
        Assert.All(Allergens.All, a => Assert.False(string.IsNullOrEmpty(Allergens.NameOf(a.Allergen))));
    }

    [Fact]
    public void FromCode_KnownAndUnknownCodes()
    {
        Assert.Equal(Allergen.Milk, Allergens.FromCode("lait"));
        Assert.Equal(Allergen.Nuts, Allergens.FromCode("FRUITS-A-COQUE"));
        Assert.Null(Allergens.FromCode("chocolat"));
        Assert.Null(Allergens.FromCode(null));
    }

    [Fact]
    public void IsKnown_ForgedBits_AreRefused()
    {
        Assert.True(Allergens.IsKnown(Allergen.Milk | Allergen.Eggs));
        Assert.False(Allergens.IsKnown((Allergen)(1 << 20)));
    }

    [Fact]
    public void Flags_ChildAllergicToMilkAndNuts_FlagsOnlyTheDishesHoldingThem()
    {
        var dishes = new[]
        {
            Dish("Carottes râpées", Course.Starter, Allergen.Mustard),
            Dish("Gratin de pâtes", Course.Main, Allergen.Gluten | Allergen.Milk | Allergen.Eggs),
            Dish("Yaourt nature", Course.Dairy, Allergen.Milk),
            Dish("Pomme", Course.Dessert, Allergen.None),
        };

        var flags = AllergenMatching.Flags(Allergen.Milk | Allergen.Nuts, dishes);

        Assert.Equal(["Gratin de pâtes", "Yaourt nature"], flags.Select(f => f.Dish));
        Assert.All(flags, f => Assert.Equal(Allergen.Milk, f.Allergens));
    }

    [Fact]
    public void Flags_ChildWithoutAllergy_FlagsNothing()
    {
        Assert.Empty(AllergenMatching.Flags(Allergen.None, [Dish("Poisson pané", Course.Main, Allergen.Fish | Allergen.Gluten)]));
    }

    private static MenuDish Dish(string name, Course course, Allergen allergens) => new() { Name = name, Course = course, Allergens = allergens, Day = new DateOnly(2026, 11, 23) };
}
