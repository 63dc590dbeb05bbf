using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.SchoolLife.Homework;

/// <summary>How an entry stands for a reader since their last visit.</summary>
internal enum Freshness
{
    /// <summary>Already seen.</summary>
    Seen,

    /// <summary>Published since the last visit.</summary>
    New,

    /// <summary>Seen before, changed since.</summary>
    Updated,
}

/// <summary>The rules of the homework log, as named methods (each has a unit test).</summary>
internal static class HomeworkRules
{
    /// <summary>
    /// Why a due date is refused, or null: the work is due on a school day (not a weekend, a school
    /// holiday or a public holiday) of the class's school year, not in the past, and not before the
    /// families can see it.
    /// </summary>
    public static string? DueDateError(DateOnly due, DateOnly today, DateOnly publishedOn, Guid schoolYearId, SchoolCalendar calendar)
    {
        if (due < today)
        {
            return Fr("La date pour laquelle le travail est à faire est passée.");
        }

        return SchoolDayError(due, schoolYearId, calendar)
            ?? (due < publishedOn ? Fr("Le travail ne peut pas être à faire avant d’être publié.") : null);
    }

    /// <summary>Why a session date is refused, or null: a session happens on a school day of the class's year.</summary>
    public static string? SessionDateError(DateOnly session, Guid schoolYearId, SchoolCalendar calendar) =>
        SchoolDayError(session, schoolYearId, calendar);

    /// <summary>Why a day is not a school day of the given school year, or null when it is one.</summary>
    public static string? SchoolDayError(DateOnly day, Guid schoolYearId, SchoolCalendar calendar)
    {
        if (calendar.YearOf(day)?.Id != schoolYearId)
        {
            return Fr("Cette date n’est pas dans l’année scolaire de la classe.");
        }

        if (calendar.IsPublicHoliday(day))
        {
            return Fr("Ce jour est férié.");
        }

        if (calendar.HolidayOn(day) is not null)
        {
            return Fr("Ce jour tombe pendant les vacances scolaires.");
        }

        return day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Fr("Ce jour tombe un week-end.") : null;
    }

    /// <summary>
    /// A class's log takes new entries only during its own school year: the logs of past years stay
    /// readable by the school's staff, never rewritten.
    /// </summary>
    public static bool IsWritable(Guid schoolYearId, DateOnly today, SchoolCalendar calendar) => calendar.YearOf(today)?.Id == schoolYearId;

    /// <summary>
    /// "New since your last visit": published after it, or changed after it once seen. A reader who never
    /// visited has everything published as new.
    /// </summary>
    public static Freshness FreshnessOf(DateTime publishAt, DateTime updatedAt, DateTime? lastVisitAt)
    {
        if (lastVisitAt is not { } visit || publishAt > visit)
        {
            return Freshness.New;
        }

        return updatedAt > visit ? Freshness.Updated : Freshness.Seen;
    }

    /// <summary>
    /// Whether the reader may see a pupil's homework and timetable: the pupil; a guardian holding parental
    /// authority; a guardian without it when the school allows — by default it does, since such a parent
    /// keeps "the right and the duty to supervise the child's maintenance and education" (Code civil,
    /// art. 373-2-1).
    /// </summary>
    public static bool CanFollow(AccountRelations reader, Guid pupilId, bool guardiansWithoutAuthorityAllowed) =>
        reader.AccountId == pupilId
        || reader.HasParentalAuthorityOver(pupilId)
        || (reader.IsGuardianOf(pupilId) && guardiansWithoutAuthorityAllowed);
}
