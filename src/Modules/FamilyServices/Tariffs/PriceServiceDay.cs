using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Services;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Tariffs;

/// <summary>One child's use of a service on one day, as invoicing asks to price it.</summary>
/// <param name="HouseholdId">The household billed.</param>
/// <param name="Kind">The kind of service.</param>
/// <param name="ServiceId">The service (a version of its own wins over its kind's), or null.</param>
/// <param name="Day">The day used, in the territory's calendar.</param>
/// <param name="Quantity">Days, sessions, hours or months, per the version's unit.</param>
/// <param name="ChildRank">The child's rank among the household's children registered to the service (1 for the first).</param>
/// <param name="Late">Booked after the deadline.</param>
/// <param name="NoReservation">Present without a reservation.</param>
internal sealed record ServiceDayToPrice(Guid HouseholdId, ServiceKind Kind, Guid? ServiceId, DateOnly Day, decimal Quantity, int ChildRank, bool Late, bool NoReservation);

/// <summary>
/// The amount calculator invoicing calls: the tariff version in force that day, the household's validated
/// quotient in force that day (or none), and the line priced by <see cref="TariffRules.Price"/> with its
/// reasons. Two indexed queries per call; invoicing a month batches the households' quotients itself.
/// </summary>
internal sealed class PriceServiceDay(TariffQueries tariffs, QuotientQueries quotients)
{
    public async Task<(PricedAmount? Line, RuleError? Error)> HandleAsync(ServiceDayToPrice request, CancellationToken cancellationToken)
    {
        if (TariffRules.CheckQuantity(request.Quantity, "Quantity") is { } invalid)
        {
            return (null, invalid);
        }

        if (request.ChildRank < 1)
        {
            return (null, new RuleError("ChildRank", Fr("Le rang de l’enfant commence à 1.")));
        }

        var version = await tariffs.InForceAsync(request.Kind, request.ServiceId, request.Day, cancellationToken);
        if (version is null)
        {
            return (null, new RuleError(string.Empty, Fr("Aucun tarif n’est en vigueur le {0} pour ce service."), request.Day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var quotient = await quotients.InForceAsync(request.HouseholdId, request.Day, cancellationToken);
        var line = TariffRules.Price(version, new PricingRequest(quotient?.Amount, request.ChildRank, request.Quantity, request.Late, request.NoReservation));
        return (line, null);
    }
}
