using static Preau.Platform.Localization.Text;

// In the module's root namespace: households (children's allergies) and menus (dishes' allergens) share it.
namespace Preau.FamilyServices;

/// <summary>
/// The 14 substances or products causing allergies or intolerances that must be declared to consumers,
/// including in school catering (EU regulation 1169/2011, Annex II; in France, décret 2015-447).
/// A flags value: a child's allergies and a dish's allergens are sets, matched with a bitwise AND
/// (stored as an integer so that the database can do that match).
/// </summary>
[Flags]
internal enum Allergen
{
    /// <summary>No allergen.</summary>
    None = 0,

    /// <summary>1. Cereals containing gluten.</summary>
    Gluten = 1 << 0,

    /// <summary>2. Crustaceans.</summary>
    Crustaceans = 1 << 1,

    /// <summary>3. Eggs.</summary>
    Eggs = 1 << 2,

    /// <summary>4. Fish.</summary>
    Fish = 1 << 3,

    /// <summary>5. Peanuts.</summary>
    Peanuts = 1 << 4,

    /// <summary>6. Soybeans.</summary>
    Soybeans = 1 << 5,

    /// <summary>7. Milk (including lactose).</summary>
    Milk = 1 << 6,

    /// <summary>8. Nuts (tree nuts).</summary>
    Nuts = 1 << 7,

    /// <summary>9. Celery.</summary>
    Celery = 1 << 8,

    /// <summary>10. Mustard.</summary>
    Mustard = 1 << 9,

    /// <summary>11. Sesame seeds.</summary>
    Sesame = 1 << 10,

    /// <summary>12. Sulphur dioxide and sulphites (over 10 mg/kg or 10 mg/l).</summary>
    Sulphites = 1 << 11,

    /// <summary>13. Lupin.</summary>
    Lupin = 1 << 12,

    /// <summary>14. Molluscs.</summary>
    Molluscs = 1 << 13,
}

/// <summary>
/// The one list of the regulated allergens in Préau, with their French names: children's medical
/// information (households) and dishes (menus) both use it. Names are French keys, translated where shown.
/// </summary>
internal static class Allergens
{
    /// <summary>Every allergen of Annex II, in the regulation's order, with its short and full French names.</summary>
    public static readonly IReadOnlyList<(Allergen Allergen, string Name, string Description)> All =
    [
        (Allergen.Gluten, Fr("Gluten"), Fr("Céréales contenant du gluten (blé, seigle, orge, avoine, épeautre, kamut)")),
        (Allergen.Crustaceans, Fr("Crustacés"), Fr("Crustacés et produits à base de crustacés")),
        (Allergen.Eggs, Fr("Œufs"), Fr("Œufs et produits à base d’œufs")),
        (Allergen.Fish, Fr("Poissons"), Fr("Poissons et produits à base de poissons")),
        (Allergen.Peanuts, Fr("Arachides"), Fr("Arachides et produits à base d’arachides")),
        (Allergen.Soybeans, Fr("Soja"), Fr("Soja et produits à base de soja")),
        (Allergen.Milk, Fr("Lait"), Fr("Lait et produits à base de lait (y compris le lactose)")),
        (Allergen.Nuts, Fr("Fruits à coque"), Fr("Fruits à coque (amandes, noisettes, noix, noix de cajou, de pécan, du Brésil, de macadamia, pistaches)")),
        (Allergen.Celery, Fr("Céleri"), Fr("Céleri et produits à base de céleri")),
        (Allergen.Mustard, Fr("Moutarde"), Fr("Moutarde et produits à base de moutarde")),
        (Allergen.Sesame, Fr("Sésame"), Fr("Graines de sésame et produits à base de graines de sésame")),
        (Allergen.Sulphites, Fr("Sulfites"), Fr("Anhydride sulfureux et sulfites (plus de 10 mg/kg ou 10 mg/l)")),
        (Allergen.Lupin, Fr("Lupin"), Fr("Lupin et produits à base de lupin")),
        (Allergen.Molluscs, Fr("Mollusques"), Fr("Mollusques et produits à base de mollusques")),
    ];

    /// <summary>Every allergen at once.</summary>
    public static readonly Allergen Every = All.Aggregate(Allergen.None, (set, a) => set | a.Allergen);

    /// <summary>The short French name of one allergen (a translation key).</summary>
    public static string NameOf(Allergen allergen) => All.First(a => a.Allergen == allergen).Name;

    /// <summary>The allergens of a set, in the regulation's order.</summary>
    public static IEnumerable<Allergen> In(Allergen set) => All.Select(a => a.Allergen).Where(a => (set & a) != Allergen.None);

    /// <summary>The set made of the given allergens; unknown bits (a forged value) are dropped.</summary>
    public static Allergen Combine(IEnumerable<Allergen> allergens) => allergens.Aggregate(Allergen.None, (set, a) => set | a) & Every;

    /// <summary>Whether a child with <paramref name="allergies"/> must be warned about a dish with <paramref name="contains"/>.</summary>
    public static bool Match(Allergen allergies, Allergen contains) => (allergies & contains) != Allergen.None;

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
        All.Select(a => a.Allergen).Cast<Allergen?>().FirstOrDefault(a => string.Equals(Code(a!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a value only holds known allergen bits (a stored or posted value could be forged).</summary>
    public static bool IsKnown(Allergen set) => (set & ~Every) == Allergen.None;
}
