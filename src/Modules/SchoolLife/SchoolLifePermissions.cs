using Preau.Platform.Authorization;

namespace Preau.SchoolLife;

/// <summary>The rights of the School life module and the profiles that hold them by default.</summary>
public static class SchoolLifePermissions
{
    // Homework log and timetable. The relations (teacher of this class, guardian of this pupil, staff of
    // this school) are checked by HomeworkAuthorizationHandler and TimetableAuthorizationHandler.

    /// <summary>Reading homework logs: one's own, one's children's, one's classes', one's school's.</summary>
    public const string ReadHomework = "schoollife.homework.read";

    /// <summary>Writing the homework log of the classes one teaches (a head: of the school's classes).</summary>
    public const string WriteHomework = "schoollife.homework.write";

    /// <summary>Reading timetables: one's own, one's children's, one's classes', one's school's; the private calendar feed.</summary>
    public const string ReadTimetable = "schoollife.timetable.read";

    /// <summary>Entering the timetable of the school's classes and its day-to-day changes.</summary>
    public const string ManageTimetable = "schoollife.timetable.manage";

    /// <summary>The school's settings of the timetable and homework log (A/B weeks, what guardians without parental authority see).</summary>
    public const string ManageScheduleSettings = "schoollife.schedule.settings";

    internal static readonly Permission[] All =
    [
        new(ReadHomework, "Consulter le cahier de textes (le sien, celui de ses enfants, de ses classes ou de son établissement)", Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(WriteHomework, "Remplir le cahier de textes de ses classes (toutes celles de l’établissement pour un directeur)", Profile.Teacher | Profile.Head),
        new(ReadTimetable, "Consulter les emplois du temps et s’abonner à son agenda", Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(ManageTimetable, "Saisir l’emploi du temps des classes et ses changements", Profile.Head | Profile.SchoolLifeStaff),
        new(ManageScheduleSettings, "Régler les semaines A/B et ce que voient les responsables sans autorité parentale", Profile.Head),
    ];
}
