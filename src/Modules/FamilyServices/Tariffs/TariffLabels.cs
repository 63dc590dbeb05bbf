using Preau.FamilyServices.Services;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Tariffs;

/// <summary>
/// French names of a tariff's unit. A tariff applies to every service of a kind (<see cref="ServiceKind"/>,
/// named by <see cref="ServiceLabels"/>), or to one service (its id) when the town prices it apart; its
/// unit is a <see cref="BillingUnit"/>, as the services' (issue #5, item 2).
/// </summary>
internal static class TariffLabels
{
    /// <summary>The price's unit after an amount: "2,10 € par jour".</summary>
    public static string Per(BillingUnit unit) => unit switch
    {
        BillingUnit.PerDay => Fr("par jour"),
        BillingUnit.PerSession => Fr("par séance"),
        BillingUnit.PerHour => Fr("par heure"),
        _ => Fr("forfait mensuel"),
    };

    /// <summary>The unit's quantity word: "jour(s)", "séance(s)"…</summary>
    public static string QuantityOf(BillingUnit unit) => unit switch
    {
        BillingUnit.PerDay => Fr("jour(s)"),
        BillingUnit.PerSession => Fr("séance(s)"),
        BillingUnit.PerHour => Fr("heure(s)"),
        _ => Fr("mois"),
    };
}
