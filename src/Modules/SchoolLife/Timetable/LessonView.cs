namespace Preau.SchoolLife.Timetable;

/// <summary>A lesson as the lesson partial shows it.</summary>
/// <param name="Lesson">The lesson.</param>
/// <param name="Names">Teachers' and groups' names.</param>
/// <param name="Today">Today, to highlight the coming days' changes.</param>
/// <param name="ShowGroup">Whether to name the class or group (teachers' and schools' views, a pupil's groups).</param>
/// <param name="ChangeUrl">The page to change this lesson, for the staff who manage the timetable.</param>
/// <param name="ShowDate">Whether to say its day (lists that span several days).</param>
/// <param name="Compact">One line (start, subject, room) as on the home page; the changes are still told.</param>
internal sealed record LessonView(Lesson Lesson, TimetableNames Names, DateOnly Today, bool ShowGroup, string? ChangeUrl = null, bool ShowDate = false, bool Compact = false);
