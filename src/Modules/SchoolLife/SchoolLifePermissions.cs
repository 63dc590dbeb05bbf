using Preau.Platform.Authorization;

namespace Preau.SchoolLife;

/// <summary>The rights of the School life module and the profiles that hold them by default.</summary>
public static class SchoolLifePermissions
{
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
