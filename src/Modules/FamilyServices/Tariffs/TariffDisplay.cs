using Microsoft.Extensions.Localization;

namespace Preau.FamilyServices.Tariffs;

/// <summary>Tariff rules in French words for pages.</summary>
internal static class TariffDisplay
{
    public static string Penalty(IStringLocalizer L, PenaltyMode mode, decimal? value) => mode switch
    {
        PenaltyMode.SurchargePercent => L["majoration de {0} %", Amounts.Format(value, false)],
        PenaltyMode.FixedPrice => L["prix fixe de {0} €", Amounts.Format(value)],
        _ => L["pas de majoration"],
    };
}
