using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>Who lives in the household, as the parts table counts them.</summary>
/// <param name="Couple">Two adults (married, PACS or cohabiting), or a single parent.</param>
/// <param name="Children">Dependent children.</param>
/// <param name="DisabledChildren">Among them, children with a disability (AEEH or CMI).</param>
internal sealed record HouseholdComposition(bool Couple, int Children, int DisabledChildren);

/// <summary>
/// The town's rule to compute a quotient from declared income: monthly income divided by a number of
/// parts, the parts table being data the agent edits (the CAF's own table is the usual default: 2 parts
/// for a couple, 1 for a single parent, ½ for each of the first two children, 1 from the third, ½ more
/// per disabled child). One per territory; absent, <see cref="Default"/> applies.
/// </summary>
internal sealed class QuotientRule : ITerritoryOwned
{
    /// <summary>Largest monthly income accepted; above it the figure is a typing error.</summary>
    public const decimal MaximumMonthlyIncome = 1_000_000m;

    public const int MaximumChildren = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public decimal CoupleParts { get; set; } = 2m;

    public decimal SingleParentParts { get; set; } = 1m;

    /// <summary>Parts for each of the first two children.</summary>
    public decimal FirstChildrenParts { get; set; } = 0.5m;

    /// <summary>Parts for each child from the third on.</summary>
    public decimal FurtherChildParts { get; set; } = 1m;

    /// <summary>Extra parts for each disabled child.</summary>
    public decimal DisabledChildExtraParts { get; set; } = 0.5m;

    public Guid? UpdatedBy { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public static QuotientRule Default() => new();

    /// <summary>The household's number of parts with this rule.</summary>
    public decimal PartsFor(HouseholdComposition household)
    {
        var adults = household.Couple ? CoupleParts : SingleParentParts;
        var first = Math.Min(household.Children, 2) * FirstChildrenParts;
        var further = Math.Max(household.Children - 2, 0) * FurtherChildParts;
        return adults + first + further + (household.DisabledChildren * DisabledChildExtraParts);
    }

    /// <summary>
    /// The quotient: monthly income / parts, rounded half away from zero to the cent
    /// (docs/family-services.md, Rounding).
    /// </summary>
    public static decimal Quotient(decimal monthlyIncome, decimal parts)
    {
        if (parts <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parts), parts, "Parts must be positive.");
        }

        return decimal.Round(monthlyIncome / parts, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Checks a declaration before computing anything.</summary>
    public static IEnumerable<RuleError> CheckDeclaration(decimal monthlyIncome, HouseholdComposition household)
    {
        if (monthlyIncome < 0)
        {
            yield return new RuleError("Input.MonthlyIncome", Fr("Les revenus ne peuvent pas être négatifs."));
        }
        else if (monthlyIncome > MaximumMonthlyIncome)
        {
            yield return new RuleError("Input.MonthlyIncome", Fr("Des revenus mensuels de plus d’un million d’euros ne sont pas plausibles : vérifiez le montant."));
        }
        else if (decimal.Round(monthlyIncome, 2) != monthlyIncome)
        {
            yield return new RuleError("Input.MonthlyIncome", Fr("Les revenus s’écrivent au centime près au plus."));
        }

        if (household.Children is < 0 or > MaximumChildren)
        {
            yield return new RuleError("Input.Children", Fr("Le nombre d’enfants à charge doit être compris entre 0 et {0}."), MaximumChildren);
        }

        if (household.DisabledChildren < 0 || household.DisabledChildren > household.Children)
        {
            yield return new RuleError("Input.DisabledChildren", Fr("Le nombre d’enfants en situation de handicap ne peut pas dépasser le nombre d’enfants à charge."));
        }
    }

    /// <summary>Checks the parts table the agent edits: parts are positive and a household never counts zero parts.</summary>
    public IEnumerable<RuleError> Check()
    {
        foreach (var (field, value) in new[]
                 {
                     ("Input.CoupleParts", CoupleParts), ("Input.SingleParentParts", SingleParentParts), ("Input.FirstChildrenParts", FirstChildrenParts),
                     ("Input.FurtherChildParts", FurtherChildParts), ("Input.DisabledChildExtraParts", DisabledChildExtraParts),
                 })
        {
            if (value is < 0 or > 10)
            {
                yield return new RuleError(field, Fr("Un nombre de parts est compris entre 0 et 10."));
            }
            else if (decimal.Round(value, 2) != value)
            {
                yield return new RuleError(field, Fr("Un nombre de parts s’écrit avec deux décimales au plus (par exemple 0,5)."));
            }
        }

        if (CoupleParts <= 0)
        {
            yield return new RuleError("Input.CoupleParts", Fr("Un couple compte au moins une fraction de part : zéro part rendrait le calcul impossible."));
        }

        if (SingleParentParts <= 0)
        {
            yield return new RuleError("Input.SingleParentParts", Fr("Un parent seul compte au moins une fraction de part : zéro part rendrait le calcul impossible."));
        }
    }

    internal static void Configure(EntityTypeBuilder<QuotientRule> e)
    {
        e.ToTable("quotient_rules");
        foreach (var property in new[] { nameof(CoupleParts), nameof(SingleParentParts), nameof(FirstChildrenParts), nameof(FurtherChildParts), nameof(DisabledChildExtraParts) })
        {
            e.Property(property).HasPrecision(6, 2);
        }
    }
}
