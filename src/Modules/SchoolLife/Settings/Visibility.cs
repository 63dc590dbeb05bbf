using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.SchoolLife.Settings;

/// <summary>The parts of a pupil's school life a reader may be shown.</summary>
internal enum SchoolLifeArea
{
    Notes,
    Absences,
    Assessments,
}

/// <summary>
/// Who sees and writes what in the liaison notebook, absences and assessments, as pure rules on an
/// account's relations (tested one by one). The authorization handlers call them; pages never decide.
/// </summary>
internal static class Visibility
{
    /// <summary>Profiles of a school that follow every pupil's school life.</summary>
    public const Profile SchoolLifeStaff = Profile.Head | Profile.SchoolLifeStaff;

    /// <summary>
    /// A guardian sees a child's records; one without parental authority sees what the school allows
    /// (by default everything: Code civil, art. 373-2-1, the right to be informed).
    /// </summary>
    public static bool GuardianSees(AccountRelations actor, Guid pupilId, SchoolLifeSettings settings, SchoolLifeArea area) =>
        actor.IsGuardianOf(pupilId) && (actor.HasParentalAuthorityOver(pupilId) || area switch
        {
            SchoolLifeArea.Notes => settings.NonCustodialSeeNotes,
            SchoolLifeArea.Absences => settings.NonCustodialSeeAbsences,
            _ => settings.NonCustodialSeeAssessments,
        });

    /// <summary>
    /// Reading a pupil's absences, marks or notes: the pupil (their own only), their guardians (see
    /// <see cref="GuardianSees"/>), the teachers of one of their classes or groups, and the head and
    /// school-life staff of their school. Never another pupil.
    /// </summary>
    public static bool CanReadPupil(AccountRelations actor, Guid pupilId, Guid? schoolId, IEnumerable<Guid> pupilGroupIds, SchoolLifeSettings settings, SchoolLifeArea area) =>
        actor.AccountId == pupilId
        || GuardianSees(actor, pupilId, settings, area)
        || (schoolId is { } school && actor.WorksIn(school, SchoolLifeStaff))
        || pupilGroupIds.Any(actor.Teaches);

    /// <summary>Only the teachers of the class or group (after-school staff of an after-school group) and the head take its roll call and write its marks.</summary>
    public static bool CanTeach(AccountRelations actor, ClassGroupInfo group) =>
        actor.Teaches(group.Id) || actor.Heads(group.SchoolId);

    /// <summary>Validating justifications, the statistics and the threshold list: school-life staff and the head of the school.</summary>
    public static bool CanFollowAttendance(AccountRelations actor, Guid schoolId) => actor.WorksIn(schoolId, SchoolLifeStaff);

    /// <summary>Sending a note to a class or group: its teachers, and the head and school-life staff of its school.</summary>
    public static bool CanWriteToGroup(AccountRelations actor, ClassGroupInfo group) =>
        actor.Teaches(group.Id) || actor.WorksIn(group.SchoolId, SchoolLifeStaff);

    /// <summary>Sending a note to one pupil's family: a teacher of one of the pupil's groups, or the head and school-life staff of the school.</summary>
    public static bool CanWriteToPupil(AccountRelations actor, Guid? schoolId, IEnumerable<Guid> pupilGroupIds) =>
        pupilGroupIds.Any(actor.Teaches) || (schoolId is { } school && actor.WorksIn(school, SchoolLifeStaff));

    /// <summary>Sending a note to the whole school: its head and school-life staff.</summary>
    public static bool CanWriteToSchool(AccountRelations actor, Guid schoolId) => actor.WorksIn(schoolId, SchoolLifeStaff);

    /// <summary>
    /// An answer that engages parental authority (an authorization) is given only by a guardian who holds
    /// it (Code civil, art. 372); any guardian who receives the note may acknowledge it or answer another question.
    /// </summary>
    public static bool CanAnswer(bool isAuthorization, bool hasParentalAuthority) => !isAuthorization || hasParentalAuthority;
}
