using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Territories;

/// <summary>
/// The IANA time zones of French territories: metropolitan France and the overseas départements,
/// régions and collectivités, whose school days and deadlines are evaluated in their own zone.
/// </summary>
internal static class TerritoryZones
{
    /// <summary>Zone id and its French label, metropolitan France first.</summary>
    public static readonly IReadOnlyList<(string Id, string Label)> All =
    [
        ("Europe/Paris", Fr("France métropolitaine et Corse (Europe/Paris)")),
        ("America/Guadeloupe", Fr("Guadeloupe (America/Guadeloupe)")),
        ("America/Martinique", Fr("Martinique (America/Martinique)")),
        ("America/Cayenne", Fr("Guyane (America/Cayenne)")),
        ("Indian/Reunion", Fr("La Réunion (Indian/Reunion)")),
        ("Indian/Mayotte", Fr("Mayotte (Indian/Mayotte)")),
        ("America/Miquelon", Fr("Saint-Pierre-et-Miquelon (America/Miquelon)")),
        ("America/St_Barthelemy", Fr("Saint-Barthélemy (America/St_Barthelemy)")),
        ("America/Marigot", Fr("Saint-Martin (America/Marigot)")),
        ("Pacific/Noumea", Fr("Nouvelle-Calédonie (Pacific/Noumea)")),
        ("Pacific/Tahiti", Fr("Polynésie française (Pacific/Tahiti)")),
        ("Pacific/Wallis", Fr("Wallis-et-Futuna (Pacific/Wallis)")),
    ];

    /// <summary>Whether the id is one of the zones above and known to this system's time-zone database.</summary>
    public static bool IsSupported(string? id) =>
        id is not null && All.Any(z => z.Id == id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
