namespace Preau.SchoolLife.Timetable;

/// <summary>A week of a timetable as the week partial shows it.</summary>
/// <param name="Monday">The week's Monday.</param>
/// <param name="Days">Monday to Friday.</param>
/// <param name="Names">Teachers' and groups' names.</param>
/// <param name="Today">Today.</param>
/// <param name="Letter">A or B when the week's lessons follow the alternation, else null.</param>
/// <param name="Upcoming">The changes of today and the next seven days (whatever the week shown).</param>
/// <param name="BasePath">The page's address, without the week.</param>
/// <param name="ShowGroup">Whether lessons name their class or group.</param>
/// <param name="ChangeUrl">For the staff who manage the timetable: the page to change a lesson.</param>
internal sealed record WeekView(
    DateOnly Monday,
    IReadOnlyList<TimetableDay> Days,
    TimetableNames Names,
    DateOnly Today,
    WeekPattern? Letter,
    IReadOnlyList<Lesson> Upcoming,
    string BasePath,
    bool ShowGroup,
    Func<Lesson, string?>? ChangeUrl = null)
{
    /// <summary>Loads the week and the coming days' changes in one pass, and builds the view.</summary>
    public static async Task<WeekView> LoadAsync(
        DateOnly monday,
        DateOnly today,
        Func<DateOnly, DateOnly, Task<IReadOnlyList<TimetableDay>>> load,
        ReadTimetable timetables,
        string basePath,
        bool showGroup,
        Func<Lesson, bool>? concerns,
        Func<Lesson, string?>? changeUrl,
        CancellationToken cancellationToken)
    {
        var friday = monday.AddDays(4);
        var from = today < monday ? today : monday;
        var to = today.AddDays(7) > friday ? today.AddDays(7) : friday;
        var all = await load(from, to);
        if (concerns is not null)
        {
            all = all.Select(d => d with { Lessons = d.Lessons.Where(concerns).ToList() }).ToList();
        }

        var week = all.Where(d => d.Date >= monday && d.Date <= friday).ToList();
        var upcoming = all.Where(d => d.Date >= today && d.Date <= today.AddDays(7))
            .SelectMany(d => d.Lessons)
            .Where(l => l.IsUpcomingChange(today) && l.Status != LessonStatus.MovedAway)
            .ToList();
        var names = await timetables.NamesAsync(week.Concat(all.Where(d => d.Date >= today && d.Date <= today.AddDays(7))), cancellationToken);
        var letter = week.SelectMany(d => d.Lessons).Select(l => l.Slot.Weeks).FirstOrDefault(w => w != WeekPattern.Every);
        return new WeekView(monday, week, names, today, letter == WeekPattern.Every ? null : letter, upcoming, basePath, showGroup, changeUrl);
    }
}
