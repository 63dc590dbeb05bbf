using Preau.FamilyServices.Services;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Reservations;

/// <summary>
/// "The same every week": the weekdays a household wants over a period. Applied to a service, it books
/// each day the service runs on one of those weekdays and cancels the household's other days of the
/// period, so that the period ends up exactly as the pattern says (where the deadline still allows).
/// </summary>
internal sealed record WeeklyPattern(Weekdays Days, DateOnly From, DateOnly To)
{
    /// <summary>The longest period a pattern may cover (a school year and a little more).</summary>
    public const int MaxDays = 400;

    /// <summary>For each day the service runs in the period: whether the pattern wants it booked.</summary>
    public IEnumerable<(DateOnly Day, bool Wanted)> Apply(IEnumerable<DateOnly> runningDays) =>
        runningDays.Where(d => d >= From && d <= To).Select(d => (d, Days.Contains(d.DayOfWeek)));

    /// <summary>Why the pattern cannot be applied (a French key), or null.</summary>
    public string? Check()
    {
        if (To < From)
        {
            return Fr("La date de fin doit suivre la date de début.");
        }

        return To.DayNumber - From.DayNumber > MaxDays ? Fr("La période ne peut pas dépasser une année scolaire.") : null;
    }
}
