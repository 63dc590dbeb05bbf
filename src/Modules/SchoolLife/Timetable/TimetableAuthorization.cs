using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Homework;

namespace Preau.SchoolLife.Timetable;

/// <summary>A class or group's timetable.</summary>
internal sealed record ClassTimetable(ClassGroupInfo Group);

/// <summary>A teacher's timetable, with the schools the teacher works in.</summary>
internal sealed record TeacherTimetable(Guid TeacherId, IReadOnlyCollection<Guid> SchoolIds);

/// <summary>A pupil's timetable, as the pupil or a guardian follows it.</summary>
internal sealed record PupilTimetable(Guid PupilId, Guid? SchoolId);

/// <summary>A school's schedule settings.</summary>
internal sealed record SchoolSchedule(Guid SchoolId);

/// <summary>
/// Who reads and enters timetables: a class's timetable is read by its pupils, its teachers and the
/// school's staff, and entered by the school's head or school-life staff; a teacher's by the teacher and
/// the head or school-life staff of the teacher's schools; a pupil's by the pupil and the guardians (as
/// the school's settings allow for guardians without parental authority).
/// </summary>
internal sealed class TimetableAuthorizationHandler(IAccountRelations relations, ScheduleSettingsStore settings) : IAuthorizationHandler
{
    /// <summary>The profiles that manage a school's timetable.</summary>
    public const Profile Managers = Profile.Head | Profile.SchoolLifeStaff;

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not (ClassTimetable or TeacherTimetable or PupilTimetable or SchoolSchedule))
        {
            return;
        }

        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var actor = await relations.ForUserAsync(context.User);
            var read = requirement == ResourceAuthorization.Read;
            var allowed = context.Resource switch
            {
                ClassTimetable group => read
                    ? HomeworkAuthorizationHandler.StaffReads(actor, group.Group.SchoolId, group.Group.Id) || actor.OwnGroups.ContainsKey(group.Group.Id)
                    : actor.WorksIn(group.Group.SchoolId, Managers),
                TeacherTimetable teacher => read && (teacher.TeacherId == actor.AccountId || teacher.SchoolIds.Any(s => actor.WorksIn(s, Managers))),
                PupilTimetable pupil => read && HomeworkRules.CanFollow(actor, pupil.PupilId, await GuardiansWithoutAuthoritySeeAsync(pupil.SchoolId)),
                SchoolSchedule school => actor.Heads(school.SchoolId),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    private async Task<bool> GuardiansWithoutAuthoritySeeAsync(Guid? schoolId) =>
        schoolId is not { } school || ((await settings.ForSchoolAsync(school, CancellationToken.None))?.GuardiansWithoutAuthoritySeeTimetable ?? true);
}
