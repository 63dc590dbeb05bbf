
namespace Preau.FamilyServices.Menus;

/// <summary>A dish of the day that holds some of a child's allergens.</summary>
internal sealed record AllergenFlag(string Dish, Course Course, Allergen Allergens);

/// <summary>
/// The canteen staff's check (issue #5, item 7): a child whose recorded allergies or care plan (PAI)
/// name an allergen is flagged for every dish of the day that contains it.
/// </summary>
internal static class AllergenMatching
{
    /// <summary>The dishes that hold any of the child's allergens, with those allergens.</summary>
    public static IReadOnlyList<AllergenFlag> Flags(Allergen childAllergens, IEnumerable<MenuDish> dishes) =>
        dishes.Where(d => (d.Allergens & childAllergens) != Allergen.None)
            .OrderBy(d => d.Course).ThenBy(d => d.Position)
            .Select(d => new AllergenFlag(d.Name, d.Course, d.Allergens & childAllergens))
            .ToList();
}
