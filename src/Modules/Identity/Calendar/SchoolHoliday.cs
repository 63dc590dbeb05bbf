using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Calendar;

/// <summary>A period without school in the territory (from the national calendar of its zone, or local).</summary>
internal sealed class SchoolHoliday : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public required string Label { get; set; }

    /// <summary>First day without school.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day without school (inclusive).</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>
    /// The rows of an indicative calendar (stamped with the territory the scope is in) for a school year
    /// starting in September of <paramref name="startYear"/>, shaped like the national one (two weeks at All Saints, Christmas, winter and spring, the Ascension
    /// bridge): used for the demo and tests. Real territories enter the official dates of their zone.
    /// </summary>
    public static IEnumerable<SchoolHoliday> IndicativeRows(int startYear) =>
        Indicative(startYear).Select(h => new SchoolHoliday { Label = h.Label, StartsOn = h.StartsOn, EndsOn = h.EndsOn });

    /// <summary>The periods of <see cref="IndicativeRows"/>, for calendars computed in memory.</summary>
    public static IReadOnlyList<HolidayPeriod> Indicative(int startYear)
    {
        // All Saints: the two weeks around 1 November, from the Saturday that starts them.
        var allSaints = SaturdayOnOrBefore(new DateOnly(startYear, 11, 1).AddDays(-14));
        var christmas = SaturdayOnOrBefore(new DateOnly(startYear, 12, 24));
        var winter = SaturdayOnOrBefore(new DateOnly(startYear + 1, 2, 20));
        var spring = SaturdayOnOrBefore(new DateOnly(startYear + 1, 4, 17));
        var ascension = FrenchPublicHolidays.EasterSunday(startYear + 1).AddDays(39);
        return
        [
            new("Vacances de la Toussaint", allSaints, allSaints.AddDays(15)),
            new("Vacances de Noël", christmas, christmas.AddDays(15)),
            new("Vacances d’hiver", winter, winter.AddDays(15)),
            new("Vacances de printemps", spring, spring.AddDays(15)),
            new("Pont de l’Ascension", ascension.AddDays(1), ascension.AddDays(3)),
        ];
    }

    private static DateOnly SaturdayOnOrBefore(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 1) % 7));
}
