using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.FamilyServices.Services;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Tariffs;

/// <summary>How a household without a known quotient pays.</summary>
internal enum NoQuotientPricing
{
    /// <summary>Le prix de la tranche la plus haute.</summary>
    HighestBracket,

    /// <summary>Un prix fixé.</summary>
    FixedPrice,
}

/// <summary>How a late booking, or a presence without reservation, is priced.</summary>
internal enum PenaltyMode
{
    /// <summary>Pas de majoration : le prix habituel.</summary>
    None,

    /// <summary>Une majoration en pourcentage du prix de la tranche.</summary>
    SurchargePercent,

    /// <summary>Un prix fixe, qui remplace le prix de la tranche.</summary>
    FixedPrice,
}

internal enum TariffVersionStatus
{
    /// <summary>Brouillon : modifiable, sans effet.</summary>
    Draft,

    /// <summary>Publiée : s’applique à partir de sa date de début, jusqu’à la version suivante.</summary>
    Published,
}

/// <summary>One bracket of quotient: from <see cref="LowerBound"/> (included) to <see cref="UpperBound"/> (excluded, none for the last).</summary>
internal sealed class TariffBracket
{
    public int Position { get; set; }

    public decimal LowerBound { get; set; }

    public decimal? UpperBound { get; set; }

    public decimal UnitPrice { get; set; }

    public bool Contains(decimal quotient) => quotient >= LowerBound && (UpperBound is null || quotient < UpperBound);
}

/// <summary>
/// A version of the tariff of a kind of service (or of one service): brackets by quotient familial, the
/// unit, reductions and penalties. The rules are data (issue #5, item 5): the agent creates a version by
/// copying the current one, edits it as a draft, publishes it from a start date; it applies from that day
/// until the next version starts. Past versions stay for past days. A published version never changes.
/// </summary>
internal sealed class TariffVersion : ITerritoryOwned
{
    public const int MaxBrackets = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public ServiceKind Kind { get; set; }

    /// <summary>One service priced apart, or null for every service of the kind.</summary>
    public Guid? ServiceId { get; set; }

    public required string Label { get; set; }

    public DateOnly StartsOn { get; set; }

    public BillingUnit Unit { get; set; }

    public TariffVersionStatus Status { get; private set; }

    public List<TariffBracket> Brackets { get; set; } = [];

    public NoQuotientPricing NoQuotientPricing { get; set; }

    public decimal? NoQuotientPrice { get; set; }

    /// <summary>Reduction for the second child of a household registered to the same service, in percent.</summary>
    public decimal SecondChildReductionPercent { get; set; }

    /// <summary>Reduction for the third child and each further one, in percent.</summary>
    public decimal FurtherChildReductionPercent { get; set; }

    public PenaltyMode LateMode { get; set; }

    /// <summary>The surcharge in percent, or the fixed price, of a late booking.</summary>
    public decimal? LateValue { get; set; }

    public PenaltyMode NoReservationMode { get; set; }

    /// <summary>The surcharge in percent, or the fixed price, of a presence without reservation.</summary>
    public decimal? NoReservationValue { get; set; }

    public Guid? CopiedFromId { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    public Guid? PublishedBy { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>Optimistic concurrency: two agents editing the same draft, the second is told.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsDraft => Status == TariffVersionStatus.Draft;

    /// <summary>Publishing freezes the version; callers check <see cref="TariffRules.CheckForPublication"/> first.</summary>
    public void Publish(Guid agentId, DateTime at)
    {
        if (!IsDraft)
        {
            throw new InvalidOperationException("This version is already published.");
        }

        Status = TariffVersionStatus.Published;
        PublishedBy = agentId;
        PublishedAt = at;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>A draft copy of this version, starting on another day (brackets and rules copied).</summary>
    public TariffVersion CopyAsDraft(string label, DateOnly startsOn, Guid agentId, DateTime at) => new()
    {
        Kind = Kind,
        ServiceId = ServiceId,
        Label = label,
        StartsOn = startsOn,
        Unit = Unit,
        Brackets = Brackets.Select(b => new TariffBracket { Position = b.Position, LowerBound = b.LowerBound, UpperBound = b.UpperBound, UnitPrice = b.UnitPrice }).ToList(),
        NoQuotientPricing = NoQuotientPricing,
        NoQuotientPrice = NoQuotientPrice,
        SecondChildReductionPercent = SecondChildReductionPercent,
        FurtherChildReductionPercent = FurtherChildReductionPercent,
        LateMode = LateMode,
        LateValue = LateValue,
        NoReservationMode = NoReservationMode,
        NoReservationValue = NoReservationValue,
        CopiedFromId = Id,
        CreatedBy = agentId,
        CreatedAt = at,
    };

    internal static void Configure(EntityTypeBuilder<TariffVersion> e)
    {
        e.ToTable("tariff_versions");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.NoQuotientPricing).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LateMode).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.NoReservationMode).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Label).HasMaxLength(200);
        e.Property(x => x.NoQuotientPrice).HasPrecision(10, 2);
        e.Property(x => x.SecondChildReductionPercent).HasPrecision(5, 2);
        e.Property(x => x.FurtherChildReductionPercent).HasPrecision(5, 2);
        e.Property(x => x.LateValue).HasPrecision(10, 2);
        e.Property(x => x.NoReservationValue).HasPrecision(10, 2);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(x => new { x.Kind, x.ServiceId, x.StartsOn });
        e.OwnsMany(x => x.Brackets, b =>
        {
            b.ToTable("tariff_brackets");
            b.WithOwner().HasForeignKey("TariffVersionId");
            b.Property<int>("BracketId");
            b.HasKey("BracketId");
            b.Property(x => x.LowerBound).HasPrecision(12, 2);
            b.Property(x => x.UpperBound).HasPrecision(12, 2);
            b.Property(x => x.UnitPrice).HasPrecision(10, 2);
        });
        e.Navigation(x => x.Brackets).AutoInclude();
    }
}
