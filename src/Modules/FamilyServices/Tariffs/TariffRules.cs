using Preau.FamilyServices.Services;
using System.Globalization;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Tariffs;

/// <summary>A line of explanation of a price, in French with its arguments (translated where it is shown).</summary>
internal sealed record PricingReason(string Message, params object[] Arguments);

/// <summary>What to price: one child's use of a service on one day.</summary>
/// <param name="Quotient">The household's quotient in force that day, or null when none is known.</param>
/// <param name="ChildRank">1 for the first child of the household registered to the service, 2 for the second…</param>
/// <param name="Quantity">Days, sessions, hours or months, depending on the version's unit.</param>
/// <param name="Late">Booked after the deadline.</param>
/// <param name="NoReservation">Present without a reservation.</param>
internal sealed record PricingRequest(decimal? Quotient, int ChildRank, decimal Quantity, bool Late = false, bool NoReservation = false);

/// <summary>A priced line: each part rounded to the cent, the amount their exact sum.</summary>
internal sealed record PricedAmount(
    Guid VersionId,
    string VersionLabel,
    BillingUnit Unit,
    decimal Quantity,
    decimal UnitPrice,
    decimal Base,
    decimal Reduction,
    decimal Surcharge,
    decimal Amount,
    IReadOnlyList<PricingReason> Reasons);

/// <summary>
/// The tariff rules as pure functions (docs/family-services.md, Tariffs): which version is in force on a
/// day, which bracket a quotient falls in, how reductions and penalties apply, how amounts round.
/// </summary>
internal static class TariffRules
{
    public const decimal MaximumUnitPrice = 10_000m;
    public const decimal MaximumQuantity = 1_000m;
    public const decimal MaximumSurchargePercent = 500m;

    /// <summary>
    /// The published version in force on a day for a service: a version of that very service if one has
    /// started, else the kind's; among them the one that started last on or before the day.
    /// </summary>
    public static TariffVersion? InForce(IEnumerable<TariffVersion> versions, ServiceKind kind, Guid? serviceId, DateOnly day)
    {
        var candidates = versions.Where(v => !v.IsDraft && v.Kind == kind && v.StartsOn <= day).ToList();
        var own = serviceId is null ? null : candidates.Where(v => v.ServiceId == serviceId).MaxBy(v => v.StartsOn);
        return own ?? candidates.Where(v => v.ServiceId is null).MaxBy(v => v.StartsOn);
    }

    /// <summary>The bracket of a quotient (brackets are checked without gap or overlap before publication).</summary>
    public static (TariffBracket Bracket, int Number)? BracketOf(IReadOnlyList<TariffBracket> brackets, decimal quotient)
    {
        var ordered = brackets.OrderBy(b => b.LowerBound).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Contains(quotient))
            {
                return (ordered[i], i + 1);
            }
        }

        return null;
    }

    /// <summary>The reduction percentage of a child's rank among the household's children registered to the service.</summary>
    public static decimal SiblingReductionPercent(TariffVersion version, int childRank) => childRank switch
    {
        <= 1 => 0m,
        2 => version.SecondChildReductionPercent,
        _ => version.FurtherChildReductionPercent,
    };

    /// <summary>Rounds an amount to the cent, half away from zero (0,125 → 0,13), the rule of every line.</summary>
    public static decimal ToCent(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Prices one line. Base = unit price × quantity; reduction = base × sibling percent; surcharge =
    /// base × late or no-reservation percent; each rounded to the cent; amount = base − reduction +
    /// surcharge. A fixed penalty price replaces the unit price and takes no reduction.
    /// </summary>
    public static PricedAmount Price(TariffVersion version, PricingRequest request)
    {
        var reasons = new List<PricingReason>();
        var unitPrice = BracketPrice(version, request.Quotient, reasons);

        var (penaltyMode, penaltyValue, penaltyName) = request.NoReservation
            ? (version.NoReservationMode, version.NoReservationValue ?? 0m, Fr("Présence sans réservation"))
            : request.Late
                ? (version.LateMode, version.LateValue ?? 0m, Fr("Réservation hors délai"))
                : (PenaltyMode.None, 0m, string.Empty);

        if (penaltyMode == PenaltyMode.FixedPrice)
        {
            reasons.Add(new PricingReason(Fr("{0} : prix fixe de {1} € qui remplace le tarif de la tranche, sans réduction."), penaltyName, Money(penaltyValue)));
            var fixedBase = ToCent(penaltyValue * request.Quantity);
            return new PricedAmount(version.Id, version.Label, version.Unit, request.Quantity, penaltyValue, fixedBase, 0m, 0m, fixedBase, reasons);
        }

        var @base = ToCent(unitPrice * request.Quantity);
        var reductionPercent = SiblingReductionPercent(version, request.ChildRank);
        var reduction = ToCent(@base * reductionPercent / 100m);
        if (reduction != 0m)
        {
            reasons.Add(new PricingReason(
                request.ChildRank == 2 ? Fr("Deuxième enfant inscrit au service : réduction de {0} %.") : Fr("{1}e enfant inscrit au service : réduction de {0} %."),
                Percent(reductionPercent), request.ChildRank));
        }

        var surcharge = 0m;
        if (penaltyMode == PenaltyMode.SurchargePercent && penaltyValue != 0m)
        {
            surcharge = ToCent(@base * penaltyValue / 100m);
            reasons.Add(new PricingReason(Fr("{0} : majoration de {1} %."), penaltyName, Percent(penaltyValue)));
        }
        else if (penaltyName.Length > 0)
        {
            reasons.Add(new PricingReason(Fr("{0} : sans majoration."), penaltyName));
        }

        return new PricedAmount(version.Id, version.Label, version.Unit, request.Quantity, unitPrice, @base, reduction, surcharge, @base - reduction + surcharge, reasons);
    }

    private static decimal BracketPrice(TariffVersion version, decimal? quotient, List<PricingReason> reasons)
    {
        if (quotient is { } qf && BracketOf(version.Brackets, qf) is var (bracket, number))
        {
            reasons.Add(new PricingReason(
                bracket.UpperBound is { } upper ? Fr("Quotient familial de {0} € : tranche {1} (de {2} € à moins de {3} €), {4} € l’unité.") : Fr("Quotient familial de {0} € : tranche {1} (à partir de {2} €), {4} € l’unité."),
                Money(qf), number, Money(bracket.LowerBound), bracket.UpperBound is { } u ? Money(u) : string.Empty, Money(bracket.UnitPrice)));
            return bracket.UnitPrice;
        }

        if (version.NoQuotientPricing == NoQuotientPricing.FixedPrice && version.NoQuotientPrice is { } price)
        {
            reasons.Add(new PricingReason(Fr("Aucun quotient familial connu ce jour-là : tarif par défaut de {0} €."), Money(price)));
            return price;
        }

        var highest = version.Brackets.OrderBy(b => b.LowerBound).Last();
        reasons.Add(new PricingReason(Fr("Aucun quotient familial connu ce jour-là : tarif de la tranche la plus haute, {0} € l’unité."), Money(highest.UnitPrice)));
        return highest.UnitPrice;
    }

    /// <summary>
    /// The checks of a version's content: brackets without gap or overlap from 0 € to an open last bracket,
    /// prices and percentages in range, a price for each mode that needs one.
    /// </summary>
    public static IReadOnlyList<RuleError> Check(TariffVersion version)
    {
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(version.Label))
        {
            errors.Add(new RuleError("Input.Label", Fr("Donnez un nom à cette version (par exemple « Tarifs 2027 »).")));
        }

        errors.AddRange(CheckBrackets(version.Brackets));
        if (version.NoQuotientPricing == NoQuotientPricing.FixedPrice)
        {
            errors.AddRange(CheckPrice(version.NoQuotientPrice, "Input.NoQuotientPrice", Fr("Indiquez le tarif appliqué sans quotient familial connu.")));
        }

        foreach (var (field, value) in new[] { ("Input.SecondChildReductionPercent", version.SecondChildReductionPercent), ("Input.FurtherChildReductionPercent", version.FurtherChildReductionPercent) })
        {
            if (value is < 0 or > 100)
            {
                errors.Add(new RuleError(field, Fr("Une réduction est comprise entre 0 et 100 %.")));
            }
        }

        errors.AddRange(CheckPenalty(version.LateMode, version.LateValue, "Input.LateValue"));
        errors.AddRange(CheckPenalty(version.NoReservationMode, version.NoReservationValue, "Input.NoReservationValue"));
        return errors;
    }

    /// <summary>Brackets from 0 €, each starting where the previous one ends, the last one open.</summary>
    public static IEnumerable<RuleError> CheckBrackets(IReadOnlyList<TariffBracket> brackets)
    {
        if (brackets.Count == 0)
        {
            yield return new RuleError("Input.Brackets", Fr("Ajoutez au moins une tranche."));
            yield break;
        }

        if (brackets.Count > TariffVersion.MaxBrackets)
        {
            yield return new RuleError("Input.Brackets", Fr("Une grille compte {0} tranches au plus."), TariffVersion.MaxBrackets);
            yield break;
        }

        var ordered = brackets.OrderBy(b => b.LowerBound).ThenBy(b => b.UpperBound ?? decimal.MaxValue).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var bracket = ordered[i];
            var number = i + 1;
            if (bracket.LowerBound < 0)
            {
                yield return new RuleError("Input.Brackets", Fr("La tranche {0} commence sous 0 € : un quotient familial n’est jamais négatif."), number);
            }

            if (bracket.UpperBound is { } upper && upper <= bracket.LowerBound)
            {
                yield return new RuleError("Input.Brackets", Fr("La tranche {0} se termine avant de commencer (de {1} € à moins de {2} €)."), number, Money(bracket.LowerBound), Money(upper));
            }

            foreach (var error in CheckPrice(bracket.UnitPrice, "Input.Brackets", null, number))
            {
                yield return error;
            }

            if (i == 0 && bracket.LowerBound > 0)
            {
                yield return new RuleError("Input.Brackets", Fr("La première tranche doit commencer à 0 € : les quotients de 0 € à moins de {0} € n’auraient pas de tarif."), Money(bracket.LowerBound));
            }

            if (i > 0)
            {
                var previous = ordered[i - 1];
                if (previous.UpperBound is not { } previousUpper)
                {
                    yield return new RuleError("Input.Brackets", Fr("Les tranches {0} et {1} se chevauchent : la tranche {0} n’a pas de limite haute alors que la tranche {1} la suit."), number - 1, number);
                }
                else if (bracket.LowerBound > previousUpper)
                {
                    yield return new RuleError("Input.Brackets", Fr("Trou entre les tranches {0} et {1} : les quotients de {2} € à moins de {3} € n’ont pas de tarif."), number - 1, number, Money(previousUpper), Money(bracket.LowerBound));
                }
                else if (bracket.LowerBound < previousUpper)
                {
                    yield return new RuleError("Input.Brackets", Fr("Les tranches {0} et {1} se chevauchent : les quotients de {2} € à moins de {3} € sont dans les deux."), number - 1, number, Money(bracket.LowerBound), Money(previousUpper));
                }
            }
        }

        if (ordered[^1].UpperBound is { } last)
        {
            yield return new RuleError("Input.Brackets", Fr("La dernière tranche doit rester ouverte (sans limite haute) : les quotients de {0} € ou plus n’auraient pas de tarif."), Money(last));
        }
    }

    private static IEnumerable<RuleError> CheckPrice(decimal? price, string field, string? missing, int? bracket = null)
    {
        if (price is not { } value)
        {
            if (missing is not null)
            {
                yield return new RuleError(field, missing);
            }

            yield break;
        }

        if (value < 0 || value > MaximumUnitPrice)
        {
            yield return bracket is { } n
                ? new RuleError(field, Fr("Le prix de la tranche {0} doit être compris entre 0 et {1} €."), n, Money(MaximumUnitPrice))
                : new RuleError(field, Fr("Un prix est compris entre 0 et {0} €."), Money(MaximumUnitPrice));
        }
        else if (decimal.Round(value, 2) != value)
        {
            yield return bracket is { } n
                ? new RuleError(field, Fr("Le prix de la tranche {0} s’écrit au centime près au plus."), n)
                : new RuleError(field, Fr("Un prix s’écrit au centime près au plus."));
        }
    }

    private static IEnumerable<RuleError> CheckPenalty(PenaltyMode mode, decimal? value, string field)
    {
        switch (mode)
        {
            case PenaltyMode.SurchargePercent when value is null or < 0 or > MaximumSurchargePercent:
                yield return new RuleError(field, Fr("Indiquez une majoration comprise entre 0 et {0} %."), MaximumSurchargePercent);
                break;
            case PenaltyMode.FixedPrice:
                foreach (var error in CheckPrice(value, field, Fr("Indiquez le prix fixe appliqué.")))
                {
                    yield return error;
                }

                break;
        }
    }

    /// <summary>Checks a quantity to price: positive, bounded, to the hundredth at most (a quarter of an hour is 0,25).</summary>
    public static RuleError? CheckQuantity(decimal quantity, string field) =>
        quantity <= 0 || quantity > MaximumQuantity
            ? new RuleError(field, Fr("La quantité doit être comprise entre 0 et {0}."), MaximumQuantity)
            : decimal.Round(quantity, 2) != quantity
                ? new RuleError(field, Fr("La quantité s’écrit avec deux décimales au plus."))
                : null;

    /// <summary>An amount as French readers write it, without the currency sign: "1 234,50".</summary>
    public static string Money(decimal amount) => amount.ToString("N2", French);

    private static string Percent(decimal value) => value.ToString("0.##", French);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
}
