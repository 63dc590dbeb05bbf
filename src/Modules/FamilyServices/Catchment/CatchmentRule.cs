using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Catchment;

/// <summary>The levels a catchment rule assigns (a primary school takes both).</summary>
[Flags]
internal enum SchoolLevel
{
    None = 0,

    /// <summary>École maternelle (PS, MS, GS).</summary>
    Maternelle = 1,

    /// <summary>École élémentaire (CP à CM2).</summary>
    Elementaire = 2,

    /// <summary>Les deux niveaux.</summary>
    Both = Maternelle | Elementaire,
}

/// <summary>Which side of a street a rule covers.</summary>
internal enum NumberParity
{
    /// <summary>Tous les numéros.</summary>
    All,

    /// <summary>Numéros impairs.</summary>
    Odd,

    /// <summary>Numéros pairs.</summary>
    Even,
}

/// <summary>A rule of a street range, or of a named area.</summary>
internal enum CatchmentRuleKind
{
    /// <summary>Une voie, entière ou par plage de numéros.</summary>
    Street,

    /// <summary>Un secteur nommé (hameau, lotissement, quartier).</summary>
    Area,
}

/// <summary>
/// One line of the town's catchment map (sectorisation, Code de l’éducation art. L131-5 and L212-7: the
/// town decides which public school serves each address): a street, or a range of its odd, even or all
/// numbers, or a named area, assigned to a school for a level.
/// </summary>
internal sealed class CatchmentRule : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; set; }

    public SchoolLevel Levels { get; set; } = SchoolLevel.Both;

    public CatchmentRuleKind Kind { get; set; }

    /// <summary>The street or area as the agent wrote it (shown).</summary>
    public required string Name { get; set; }

    /// <summary>The comparable form (<see cref="StreetNames.Normalize"/>), indexed for the address search.</summary>
    public string NormalizedName { get; set; } = string.Empty;

    public NumberParity Parity { get; set; }

    /// <summary>First number covered (none: from the start of the street).</summary>
    public int? FromNumber { get; set; }

    /// <summary>Last number covered, included (none: to the end of the street).</summary>
    public int? ToNumber { get; set; }

    /// <summary>Whether an address of this street (already normalised) and number, for this level, falls under the rule.</summary>
    public bool Covers(string normalizedName, int? number, SchoolLevel level) =>
        (Levels & level) != SchoolLevel.None
        && NormalizedName == normalizedName
        && (Kind == CatchmentRuleKind.Area || CoversNumber(number));

    private bool CoversNumber(int? number)
    {
        if (number is not { } n)
        {
            // Without a number, only a rule for the whole street can answer.
            return FromNumber is null && ToNumber is null && Parity == NumberParity.All;
        }

        return (FromNumber is null || n >= FromNumber) && (ToNumber is null || n <= ToNumber) && ParityAllows(Parity, n);
    }

    private static bool ParityAllows(NumberParity parity, int n) => parity switch
    {
        NumberParity.Odd => n % 2 == 1,
        NumberParity.Even => n % 2 == 0,
        _ => true,
    };

    /// <summary>
    /// Whether two rules assign some same address and level: same street, shared level, and a number both
    /// ranges hold with a parity both allow. Two schools for one address would leave families unanswered.
    /// </summary>
    public bool Overlaps(CatchmentRule other)
    {
        if (Id == other.Id || Kind != other.Kind || NormalizedName != other.NormalizedName || (Levels & other.Levels) == SchoolLevel.None)
        {
            return false;
        }

        if (Kind == CatchmentRuleKind.Area)
        {
            return true;
        }

        var from = Math.Max(FromNumber ?? 1, other.FromNumber ?? 1);
        var to = Math.Min(ToNumber ?? HouseNumbers.Maximum, other.ToNumber ?? HouseNumbers.Maximum);
        if (from > to)
        {
            return false;
        }

        var parities = new[] { Parity, other.Parity }.Where(p => p != NumberParity.All).Distinct().ToList();
        return parities.Count switch
        {
            0 => true,
            1 => from != to || ParityAllows(parities[0], from),
            _ => false,
        };
    }

    /// <summary>The checks of a rule's own fields.</summary>
    public IEnumerable<RuleError> Check()
    {
        if (string.IsNullOrWhiteSpace(Name) || NormalizedName.Length == 0)
        {
            yield return new RuleError("Input.Name", Kind == CatchmentRuleKind.Area ? Fr("Indiquez le nom du secteur.") : Fr("Indiquez le nom de la voie."));
        }

        if (Levels == SchoolLevel.None)
        {
            yield return new RuleError("Input.Levels", Fr("Choisissez au moins un niveau."));
        }

        if (Kind == CatchmentRuleKind.Street)
        {
            if (FromNumber is < 1 or > HouseNumbers.Maximum || ToNumber is < 1 or > HouseNumbers.Maximum)
            {
                yield return new RuleError("Input.FromNumber", Fr("Un numéro est compris entre 1 et {0}."), HouseNumbers.Maximum);
            }
            else if (FromNumber is { } from && ToNumber is { } to && to < from)
            {
                yield return new RuleError("Input.ToNumber", Fr("Le dernier numéro doit suivre le premier."));
            }
        }
    }

    /// <summary>The range in French: "numéros impairs du 1 au 51", "tous les numéros".</summary>
    public (string Message, object[] Arguments) DescribeRange() => (Kind, Parity, FromNumber, ToNumber) switch
    {
        (CatchmentRuleKind.Area, _, _, _) => (Fr("tout le secteur"), []),
        (_, NumberParity.All, null, null) => (Fr("toute la voie"), []),
        (_, NumberParity.Odd, null, null) => (Fr("numéros impairs"), []),
        (_, NumberParity.Even, null, null) => (Fr("numéros pairs"), []),
        (_, NumberParity.All, _, _) => (Fr("numéros {0} à {1}"), [FromNumber?.ToString() ?? "1", ToNumber?.ToString() ?? "…"]),
        (_, NumberParity.Odd, _, _) => (Fr("numéros impairs {0} à {1}"), [FromNumber?.ToString() ?? "1", ToNumber?.ToString() ?? "…"]),
        _ => (Fr("numéros pairs {0} à {1}"), [FromNumber?.ToString() ?? "2", ToNumber?.ToString() ?? "…"]),
    };

    internal static void Configure(EntityTypeBuilder<CatchmentRule> e)
    {
        e.ToTable("catchment_rules");
        e.Property(x => x.Levels).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Parity).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Name).HasMaxLength(StreetNames.MaxLength);
        e.Property(x => x.NormalizedName).HasMaxLength(StreetNames.MaxLength);
        e.HasIndex(x => new { x.NormalizedName, x.Kind });
        e.HasIndex(x => x.SchoolId);
    }
}
