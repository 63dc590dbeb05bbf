using Preau.FamilyServices.Services;
using Preau.Identity.Calendar;
using Preau.Identity.Contracts;

namespace Preau.UnitTests.FamilyServices;

/// <summary>The 2026-2027 school year with the indicative holidays, and services to test rules against.</summary>
internal static class FamilyCalendar
{
    public static readonly SchoolCalendar Year2026 = new(
        [new SchoolYearInfo(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 3))],
        SchoolHoliday.Indicative(2026));

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static Service Canteen(int deadlineDays = 2, int deadlineHour = 10, LateChangePolicy late = LateChangePolicy.Refused) => new()
    {
        Name = "Restauration scolaire",
        Kind = ServiceKind.Canteen,
        StartsOn = new DateOnly(2026, 9, 1),
        EndsOn = new DateOnly(2027, 7, 3),
        Days = WeekdaySet.SchoolWeek,
        DeadlineWorkingDays = deadlineDays,
        DeadlineTime = new TimeOnly(deadlineHour, 0),
        LateChanges = late,
    };
}
