using System.Globalization;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Statistics;

/// <summary>A calendar month (the statistics' bucket): the territory's local dates of child days fall in one.</summary>
internal readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    public DateOnly FirstDay => new(Year, Number, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public Month Next => Of(FirstDay.AddMonths(1));

    /// <summary>The month a local date belongs to.</summary>
    public static Month Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The month "now" in the territory's time zone (a UTC instant late on the 31st is already the 1st in Paris).</summary>
    public static Month Current(TimeProvider clock, TimeZoneInfo zone) =>
        Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime));

    /// <summary>Parses "AAAA-MM" (years 2000 to 2100), nothing else.</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is null || text.Length != 7
            || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day.Year < 2000 || day.Year > 2100)
        {
            return false;
        }

        month = Of(day);
        return true;
    }

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int Span(Month from, Month to) => (to.Year - from.Year) * 12 + to.Number - from.Number + 1;

    public static IEnumerable<Month> Range(Month from, Month to)
    {
        for (var m = from; m.CompareTo(to) <= 0; m = m.Next)
        {
            yield return m;
        }
    }

    public int CompareTo(Month other) => (Year * 12 + Number).CompareTo(other.Year * 12 + other.Number);

    /// <summary>"2026-11", for files, URLs and the API.</summary>
    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"novembre 2026", for people.</summary>
    public string Label(CultureInfo culture) => FirstDay.ToString("MMMM yyyy", culture);
}

/// <summary>What the statistics show: a range of months, and optionally a school, a kind of service or a service; and a month shown day by day.</summary>
internal sealed record StatisticsFilter(Month From, Month To, Month DayMonth, Guid? SchoolId, ServiceKind? Kind, Guid? ServiceId)
{
    /// <summary>At most two years at once: a département's two years stay a bounded GROUP BY.</summary>
    public const int MaxMonths = 24;

    public DateOnly FirstDay => From.FirstDay;

    public DateOnly LastDay => To.LastDay;

    public int MonthCount => Month.Span(From, To);
}

/// <summary>The raw query values (page or API), as typed: nothing is trusted before <see cref="StatisticsFilterParser.Parse"/>.</summary>
internal sealed record StatisticsQuery(string? From, string? To, string? Month, string? School, string? Kind, string? Service);

/// <summary>
/// Reads the statistics' filters. A malformed or out-of-range value is refused with a French message
/// (the page shows it, the API answers problem details), never an exception.
/// </summary>
internal static class StatisticsFilterParser
{
    /// <summary>Longest value read: anything longer is refused before parsing.</summary>
    private const int MaxLength = 64;

    /// <param name="query">The values typed.</param>
    /// <param name="current">This month in the territory's time zone (the default end and day-by-day month).</param>
    /// <param name="yearStart">The first day of the current school year, if there is one (the default start).</param>
    public static (StatisticsFilter Filter, IReadOnlyList<FormProblem> Problems) Parse(StatisticsQuery query, Month current, DateOnly? yearStart)
    {
        var problems = new List<FormProblem>();
        var to = current;
        var from = yearStart is { } start && Month.Of(start).CompareTo(current) <= 0 ? Month.Of(start) : Month.Of(current.FirstDay.AddMonths(-11));

        if (!string.IsNullOrEmpty(query.To))
        {
            if (Month.TryParse(Bounded(query.To), out var parsed))
            {
                to = parsed;
            }
            else
            {
                problems.Add(new FormProblem("au", Fr("Le mois de fin s’écrit AAAA-MM (par exemple 2026-11).")));
            }
        }

        if (!string.IsNullOrEmpty(query.From))
        {
            if (Month.TryParse(Bounded(query.From), out var parsed))
            {
                from = parsed;
            }
            else
            {
                problems.Add(new FormProblem("du", Fr("Le mois de début s’écrit AAAA-MM (par exemple 2026-09).")));
            }
        }
        else if (from.CompareTo(to) > 0 || Month.Span(from, to) > StatisticsFilter.MaxMonths)
        {
            from = Month.Of(to.FirstDay.AddMonths(-11));
        }

        if (problems.Count == 0 && from.CompareTo(to) > 0)
        {
            problems.Add(new FormProblem("du", Fr("Le mois de début doit précéder le mois de fin.")));
        }
        else if (problems.Count == 0 && Month.Span(from, to) > StatisticsFilter.MaxMonths)
        {
            problems.Add(new FormProblem("du", Fr("Choisissez une période de {0} mois au plus."), StatisticsFilter.MaxMonths));
        }

        var dayMonth = to.CompareTo(current) < 0 ? to : from.CompareTo(current) > 0 ? from : current;
        if (!string.IsNullOrEmpty(query.Month))
        {
            if (Month.TryParse(Bounded(query.Month), out var parsed) && parsed.CompareTo(from) >= 0 && parsed.CompareTo(to) <= 0)
            {
                dayMonth = parsed;
            }
            else if (Month.TryParse(Bounded(query.Month), out _))
            {
                problems.Add(new FormProblem("mois", Fr("Le mois détaillé doit faire partie de la période choisie.")));
            }
            else
            {
                problems.Add(new FormProblem("mois", Fr("Le mois détaillé s’écrit AAAA-MM (par exemple 2026-11).")));
            }
        }

        Guid? schoolId = null;
        if (!string.IsNullOrEmpty(query.School))
        {
            if (Guid.TryParse(Bounded(query.School), out var id))
            {
                schoolId = id;
            }
            else
            {
                problems.Add(new FormProblem("ecole", Fr("Cette école n’existe pas ou ne vous est pas accessible.")));
            }
        }

        ServiceKind? kind = null;
        if (!string.IsNullOrEmpty(query.Kind))
        {
            // Names only: Enum.TryParse would also take "3" or "Canteen,Study".
            var name = Bounded(query.Kind);
            var match = ServiceLabels.Kinds.Where(k => string.Equals(k.ToString(), name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1)
            {
                kind = match[0];
            }
            else
            {
                problems.Add(new FormProblem("type", Fr("Ce type de service n’existe pas.")));
            }
        }

        Guid? serviceId = null;
        if (!string.IsNullOrEmpty(query.Service))
        {
            if (Guid.TryParse(Bounded(query.Service), out var id))
            {
                serviceId = id;
            }
            else
            {
                problems.Add(new FormProblem("service", Fr("Ce service n’existe pas ou ne vous est pas accessible.")));
            }
        }

        if (problems.Any(p => p.Field is "du" or "au" or "mois"))
        {
            // Whatever was typed, the page still shows a sane default period.
            from = Month.Of(current.FirstDay.AddMonths(-11));
            to = current;
            dayMonth = current;
        }

        return (new StatisticsFilter(from, to, dayMonth, schoolId, kind, serviceId), problems);
    }

    private static string Bounded(string value) => value.Length > MaxLength ? string.Empty : value.Trim();
}
