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

    // Liaison notebook, absences, assessments.

    /// <summary>Reading the liaison notebook (notes received, or sent and their follow-up).</summary>
    public const string ReadNotes = "schoollife.notes.read";

    /// <summary>Sending notes to families (a teacher: their classes; the head and school-life staff: their school).</summary>
    public const string SendNotes = "schoollife.notes.send";

    /// <summary>Taking roll calls (teachers of the group, after-school staff of an after-school group, the head).</summary>
    public const string TakeRollCall = "schoollife.rollcall.take";

    /// <summary>Reading absences (one's own, one's children's, one's pupils').</summary>
    public const string ReadAbsences = "schoollife.absences.read";

    /// <summary>Following attendance: validating justifications, statistics, the threshold list.</summary>
    public const string FollowAttendance = "schoollife.absences.follow";

    /// <summary>Reading marks, competencies and reports (one's own, one's children's, one's pupils').</summary>
    public const string ReadAssessments = "schoollife.assessments.read";

    /// <summary>Writing assessments, marks, appreciations and reports of one's classes.</summary>
    public const string WriteAssessments = "schoollife.assessments.write";

    /// <summary>Importing the curriculum's competencies of the territory.</summary>
    public const string ManageCurriculum = "schoollife.curriculum.manage";

    /// <summary>A school's settings of notes, absences and assessments.</summary>
    public const string ManageSchoolSettings = "schoollife.settings.manage";

    internal static readonly Permission[] All =
    [
        new(ReadHomework, "Consulter le cahier de textes (le sien, celui de ses enfants, de ses classes ou de son établissement)", Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(WriteHomework, "Remplir le cahier de textes de ses classes (toutes celles de l’établissement pour un directeur)", Profile.Teacher | Profile.Head),
        new(ReadTimetable, "Consulter les emplois du temps et s’abonner à son agenda", Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(ManageTimetable, "Saisir l’emploi du temps des classes et ses changements", Profile.Head | Profile.SchoolLifeStaff),
        new(ManageScheduleSettings, "Régler les semaines A/B et ce que voient les responsables sans autorité parentale", Profile.Head),
        new(ReadNotes, "Lire le carnet de liaison", Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(SendNotes, "Écrire dans le carnet de liaison des familles", Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(TakeRollCall, "Faire l’appel", Profile.Teacher | Profile.Head | Profile.AfterSchoolStaff),
        new(ReadAbsences, "Consulter les absences et retards", Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(FollowAttendance, "Suivre l’assiduité : justificatifs, statistiques, seuil d’alerte", Profile.Head | Profile.SchoolLifeStaff),
        new(ReadAssessments, "Consulter les évaluations, notes et bilans", Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff),
        new(WriteAssessments, "Évaluer les élèves de ses classes", Profile.Teacher | Profile.Head),
        new(ManageCurriculum, "Importer le référentiel de compétences du territoire", Profiles.Administrators),
        new(ManageSchoolSettings, "Régler la vie scolaire de son établissement", Profile.Head),
    ];
}
