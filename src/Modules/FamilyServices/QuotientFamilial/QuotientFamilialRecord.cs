using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>Where a household's quotient familial comes from.</summary>
internal enum QuotientSource
{
    /// <summary>Attestation de la CAF (ou de la MSA) : le montant est celui de l’attestation.</summary>
    CafAttestation,

    /// <summary>Calculé à partir des revenus déclarés et du nombre de parts, avec la règle de la ville.</summary>
    DeclaredIncome,
}

/// <summary>Where a quotient stands in its review by the town's agent.</summary>
internal enum QuotientStatus
{
    /// <summary>En attente de validation.</summary>
    Pending,

    /// <summary>Validé : il sert aux tarifs sur sa période.</summary>
    Validated,

    /// <summary>Refusé, avec un motif.</summary>
    Rejected,
}

/// <summary>
/// One quotient familial of a household for a period. History is kept: a new attestation adds a
/// record, never overwrites one. The household id belongs to the Households capability; it is kept
/// as a plain id so that this record depends on nothing else.
/// </summary>
internal sealed class QuotientFamilialRecord : ITerritoryOwned
{
    /// <summary>The largest quotient accepted: above, the value is certainly a typing error.</summary>
    public const decimal MaximumAmount = 100_000m;

    /// <summary>The longest validity accepted (a CAF attestation is valid for a year at most).</summary>
    public const int MaximumValidityDays = 2 * 366;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid HouseholdId { get; init; }

    public QuotientSource Source { get; init; }

    /// <summary>The quotient in euros per month and part, to the cent.</summary>
    public decimal Amount { get; init; }

    public DateOnly ValidFrom { get; init; }

    public DateOnly ValidUntil { get; init; }

    /// <summary>Numéro d’allocataire CAF, when given.</summary>
    public string? CafNumber { get; init; }

    /// <summary>The date printed on the CAF attestation.</summary>
    public DateOnly? AttestationDate { get; init; }

    /// <summary>The uploaded attestation (a key of the file store), served only through a page that checks rights.</summary>
    public string? AttestationFileKey { get; init; }

    public string? AttestationContentType { get; init; }

    /// <summary>Declared monthly income of the household, when computed.</summary>
    public decimal? MonthlyIncome { get; init; }

    /// <summary>The number of parts, when computed (from the rule in force at that time).</summary>
    public decimal? Parts { get; init; }

    public bool? Couple { get; init; }

    public int? Children { get; init; }

    public int? DisabledChildren { get; init; }

    public QuotientStatus Status { get; private set; }

    public Guid SubmittedBy { get; init; }

    public DateTime SubmittedAt { get; init; }

    public Guid? ReviewedBy { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Optimistic concurrency: two agents reviewing the same record at once, one wins.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Whether it serves tariffs on this day.</summary>
    public bool IsInForceOn(DateOnly day) => Status == QuotientStatus.Validated && ValidFrom <= day && day <= ValidUntil;

    public void Validate(Guid agentId, DateTime at)
    {
        if (Status != QuotientStatus.Pending)
        {
            throw new InvalidOperationException("Only a pending quotient can be reviewed.");
        }

        Status = QuotientStatus.Validated;
        ReviewedBy = agentId;
        ReviewedAt = at;
        Version = Guid.NewGuid();
    }

    public void Reject(Guid agentId, DateTime at, string reason)
    {
        if (Status != QuotientStatus.Pending)
        {
            throw new InvalidOperationException("Only a pending quotient can be reviewed.");
        }

        Status = QuotientStatus.Rejected;
        ReviewedBy = agentId;
        ReviewedAt = at;
        RejectionReason = reason;
        Version = Guid.NewGuid();
    }

    /// <summary>Validated at once: entered by the town's agent, who holds the proof.</summary>
    public void ValidateOnEntry(Guid agentId, DateTime at)
    {
        Status = QuotientStatus.Pending;
        Validate(agentId, at);
    }

    /// <summary>
    /// The quotient in force on a day among a household's records: validated and covering the day; when
    /// several do, the one that starts last, then the one validated last (a newer attestation wins).
    /// </summary>
    public static QuotientFamilialRecord? InForce(IEnumerable<QuotientFamilialRecord> records, DateOnly day) =>
        records.Where(r => r.IsInForceOn(day)).OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.ReviewedAt).FirstOrDefault();

    /// <summary>Checks the common fields of a new record (amount and period).</summary>
    public static IEnumerable<RuleError> CheckAmountAndPeriod(decimal amount, DateOnly validFrom, DateOnly validUntil, string amountField, string fromField, string untilField)
    {
        if (amount < 0)
        {
            yield return new RuleError(amountField, Fr("Le quotient familial ne peut pas être négatif."));
        }
        else if (amount > MaximumAmount)
        {
            yield return new RuleError(amountField, Fr("Un quotient familial de plus de {0} € n’est pas plausible : vérifiez le montant."), MaximumAmount.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            yield return new RuleError(amountField, Fr("Le quotient familial s’écrit au centime près au plus."));
        }

        if (validUntil < validFrom)
        {
            yield return new RuleError(untilField, Fr("La fin de validité doit suivre le début de validité."));
        }
        else if (validUntil.DayNumber - validFrom.DayNumber > MaximumValidityDays)
        {
            yield return new RuleError(untilField, Fr("Un quotient familial est valable deux ans au plus."));
        }

        if (validFrom.Year < 2000 || validUntil.Year > 2100)
        {
            yield return new RuleError(fromField, Fr("Ces dates ne sont pas plausibles."));
        }
    }

    internal static void Configure(EntityTypeBuilder<QuotientFamilialRecord> e)
    {
        e.ToTable("quotient_familial_records");
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Amount).HasPrecision(12, 2);
        e.Property(x => x.MonthlyIncome).HasPrecision(14, 2);
        e.Property(x => x.Parts).HasPrecision(6, 2);
        e.Property(x => x.CafNumber).HasMaxLength(20);
        e.Property(x => x.AttestationFileKey).HasMaxLength(64);
        e.Property(x => x.AttestationContentType).HasMaxLength(100);
        e.Property(x => x.RejectionReason).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.HouseholdId, x.ValidFrom });
        e.HasIndex(x => new { x.Status, x.SubmittedAt });
    }
}
