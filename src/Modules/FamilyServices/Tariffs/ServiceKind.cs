using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Tariffs;

/// <summary>
/// The kinds of service the town prices (issue #5, item 2). A tariff applies to every service of a kind,
/// or to one service (its id) when the town prices it apart.
/// </summary>
internal enum ServiceKind
{
    /// <summary>Restauration scolaire.</summary>
    Canteen,

    /// <summary>Accueil périscolaire du matin.</summary>
    MorningCare,

    /// <summary>Accueil périscolaire du soir.</summary>
    EveningCare,

    /// <summary>Étude surveillée.</summary>
    Study,

    /// <summary>Accueil du mercredi.</summary>
    Wednesday,

    /// <summary>Accueil de loisirs pendant les vacances.</summary>
    HolidayCentre,

    /// <summary>Ateliers périscolaires.</summary>
    Workshop,

    /// <summary>Transport scolaire.</summary>
    Transport,
}

/// <summary>What a price is for.</summary>
internal enum PricingUnit
{
    /// <summary>Par jour (un repas, une journée).</summary>
    PerDay,

    /// <summary>Par séance (une demi-journée, un atelier).</summary>
    PerSession,

    /// <summary>Par heure de présence.</summary>
    PerHour,

    /// <summary>Forfait mensuel.</summary>
    FlatPerMonth,
}

/// <summary>French names of the kinds and units.</summary>
internal static class ServiceNames
{
    public static string Of(ServiceKind kind) => kind switch
    {
        ServiceKind.Canteen => Fr("Restauration scolaire"),
        ServiceKind.MorningCare => Fr("Accueil du matin"),
        ServiceKind.EveningCare => Fr("Accueil du soir"),
        ServiceKind.Study => Fr("Étude surveillée"),
        ServiceKind.Wednesday => Fr("Accueil du mercredi"),
        ServiceKind.HolidayCentre => Fr("Accueil de loisirs (vacances)"),
        ServiceKind.Workshop => Fr("Ateliers périscolaires"),
        ServiceKind.Transport => Fr("Transport scolaire"),
        _ => kind.ToString(),
    };

    public static string Of(PricingUnit unit) => unit switch
    {
        PricingUnit.PerDay => Fr("par jour"),
        PricingUnit.PerSession => Fr("par séance"),
        PricingUnit.PerHour => Fr("par heure"),
        PricingUnit.FlatPerMonth => Fr("forfait mensuel"),
        _ => unit.ToString(),
    };

    /// <summary>The unit's quantity word: "jour(s)", "séance(s)"…</summary>
    public static string QuantityOf(PricingUnit unit) => unit switch
    {
        PricingUnit.PerDay => Fr("jour(s)"),
        PricingUnit.PerSession => Fr("séance(s)"),
        PricingUnit.PerHour => Fr("heure(s)"),
        PricingUnit.FlatPerMonth => Fr("mois"),
        _ => unit.ToString(),
    };
}
