using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Allergens;

/// <summary>
/// The 14 allergens whose presence must be declared to consumers (EU regulation 1169/2011, annex II;
/// in France, décret 2015-447 for meals served in school canteens). A flags set: a dish or a child's
/// medical record holds any combination, and matching them is a bitwise AND. The one list of the
/// module: menus and children's medical information both use it. Stored as an integer column (the
/// set's bits), never as free text.
/// </summary>
[Flags]
public enum Allergen
{
    /// <summary>Aucun allergène.</summary>
    None = 0,

    /// <summary>Céréales contenant du gluten (blé, seigle, orge, avoine, épeautre, kamut).</summary>
    Gluten = 1 << 0,

    /// <summary>Crustacés.</summary>
    Crustaceans = 1 << 1,

    /// <summary>Œufs.</summary>
    Eggs = 1 << 2,

    /// <summary>Poissons.</summary>
    Fish = 1 << 3,

    /// <summary>Arachides.</summary>
    Peanuts = 1 << 4,

    /// <summary>Soja.</summary>
    Soybeans = 1 << 5,

    /// <summary>Lait (y compris le lactose).</summary>
    Milk = 1 << 6,

    /// <summary>Fruits à coque (amandes, noisettes, noix, noix de cajou, de pécan, du Brésil, pistaches, noix de macadamia).</summary>
    Nuts = 1 << 7,

    /// <summary>Céleri.</summary>
    Celery = 1 << 8,

    /// <summary>Moutarde.</summary>
    Mustard = 1 << 9,

    /// <summary>Graines de sésame.</summary>
    Sesame = 1 << 10,

    /// <summary>Anhydride sulfureux et sulfites (plus de 10 mg/kg ou 10 mg/l).</summary>
    Sulphites = 1 << 11,

    /// <summary>Lupin.</summary>
    Lupin = 1 << 12,

    /// <summary>Mollusques.</summary>
    Molluscs = 1 << 13,
}

/// <summary>The allergens in the order of annex II, with their French names and stable codes.</summary>
public static class Allergens
{
    /// <summary>Every allergen's bits together.</summary>
    public const Allergen All = (Allergen)((1 << 14) - 1);

    /// <summary>The 14 allergens, in the regulation's order.</summary>
    public static IReadOnlyList<Allergen> List { get; } = Enum.GetValues<Allergen>().Where(a => a != Allergen.None).ToList();

    /// <summary>The French name shown to families and staff (translate it with the localizer).</summary>
    public static string FrenchName(Allergen allergen) => allergen switch
    {
        Allergen.Gluten => Fr("Gluten"),
        Allergen.Crustaceans => Fr("Crustacés"),
        Allergen.Eggs => Fr("Œufs"),
        Allergen.Fish => Fr("Poissons"),
        Allergen.Peanuts => Fr("Arachides"),
        Allergen.Soybeans => Fr("Soja"),
        Allergen.Milk => Fr("Lait"),
        Allergen.Nuts => Fr("Fruits à coque"),
        Allergen.Celery => Fr("Céleri"),
        Allergen.Mustard => Fr("Moutarde"),
        Allergen.Sesame => Fr("Sésame"),
        Allergen.Sulphites => Fr("Sulfites"),
        Allergen.Lupin => Fr("Lupin"),
        Allergen.Molluscs => Fr("Mollusques"),
        _ => throw new ArgumentOutOfRangeException(nameof(allergen), allergen, "One allergen expected."),
    };

    /// <summary>The stable code used in forms and in the API ("gluten", "lait"…): lower-case, ASCII.</summary>
    public static string Code(Allergen allergen) => allergen switch
    {
        Allergen.Gluten => "gluten",
        Allergen.Crustaceans => "crustaces",
        Allergen.Eggs => "oeufs",
        Allergen.Fish => "poissons",
        Allergen.Peanuts => "arachides",
        Allergen.Soybeans => "soja",
        Allergen.Milk => "lait",
        Allergen.Nuts => "fruits-a-coque",
        Allergen.Celery => "celeri",
        Allergen.Mustard => "moutarde",
        Allergen.Sesame => "sesame",
        Allergen.Sulphites => "sulfites",
        Allergen.Lupin => "lupin",
        Allergen.Molluscs => "mollusques",
        _ => throw new ArgumentOutOfRangeException(nameof(allergen), allergen, "One allergen expected."),
    };

    /// <summary>The allergen of a code, or null for an unknown code (a forged form or API value).</summary>
    public static Allergen? FromCode(string? code) =>
        List.Cast<Allergen?>().FirstOrDefault(a => string.Equals(Code(a!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The single allergens of a set, in the regulation's order.</summary>
    public static IReadOnlyList<Allergen> Split(Allergen set) => List.Where(a => (set & a) == a).ToList();

    /// <summary>Whether a value only holds known allergen bits (a stored or posted value could be forged).</summary>
    public static bool IsKnown(Allergen set) => (set & ~All) == Allergen.None;
}
