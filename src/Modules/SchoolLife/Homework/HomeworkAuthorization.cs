using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Homework;

/// <summary>A class's homework log as the school's staff see it.</summary>
/// <param name="Group">The class or group.</param>
/// <param name="IsWritable">Whether its school year is the current one (past years are read only).</param>
internal sealed record ClassLog(ClassGroupInfo Group, bool IsWritable);

/// <summary>One entry of a homework log.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="IsWritable">Whether its school year is the current one.</param>
/// <param name="Now">The current instant (families see published entries only).</param>
internal sealed record EntryResource(HomeworkEntry Entry, bool IsWritable, DateTime Now);

/// <summary>A pupil's homework, as the pupil or a guardian follows it.</summary>
/// <param name="PupilId">The pupil.</param>
/// <param name="SchoolId">The pupil's school this year (its settings say what guardians without authority see).</param>
internal sealed record PupilHomework(Guid PupilId, Guid? SchoolId);

/// <summary>
/// Who reads and writes homework logs. Staff: the teachers of the class, and the school's teachers, head
/// and school-life staff (read only, past years included); writing needs the current year and being a
/// teacher of the class or the school's head; an entry is changed by its author only. Families: the
/// pupils of the class and their guardians, published entries only.
/// </summary>
internal sealed class HomeworkAuthorizationHandler(IAccountRelations relations, IStructureDirectory directory, ScheduleSettingsStore settings)
    : IAuthorizationHandler
{
    /// <summary>The school profiles that read every class log of their school.</summary>
    public const Profile SchoolReaders = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff;

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not (ClassLog or EntryResource or PupilHomework))
        {
            return;
        }

        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var actor = await relations.ForUserAsync(context.User);
            var read = requirement == ResourceAuthorization.Read;
            var allowed = context.Resource switch
            {
                ClassLog log => read ? StaffReads(actor, log.Group.SchoolId, log.Group.Id) : CanWriteLog(actor, log.Group.SchoolId, log.Group.Id, log.IsWritable),
                EntryResource entry => read ? await CanReadEntryAsync(actor, entry) : CanChangeEntry(actor, entry),
                PupilHomework pupil => read ? await CanFollowAsync(actor, pupil) : actor.AccountId == pupil.PupilId,
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    /// <summary>Staff of the class's school (any year), or a teacher of the class.</summary>
    public static bool StaffReads(AccountRelations actor, Guid schoolId, Guid classGroupId) =>
        actor.Teaches(classGroupId) || actor.WorksIn(schoolId, SchoolReaders);

    /// <summary>A teacher of the class or the school's head, during the class's school year.</summary>
    public static bool CanWriteLog(AccountRelations actor, Guid schoolId, Guid classGroupId, bool isWritable) =>
        isWritable && (actor.Teaches(classGroupId) || actor.Heads(schoolId));

    private static bool CanChangeEntry(AccountRelations actor, EntryResource resource) =>
        resource.Entry.AuthorId == actor.AccountId && CanWriteLog(actor, resource.Entry.SchoolId, resource.Entry.ClassGroupId, resource.IsWritable);

    private async Task<bool> CanReadEntryAsync(AccountRelations actor, EntryResource resource)
    {
        var entry = resource.Entry;
        if (StaffReads(actor, entry.SchoolId, entry.ClassGroupId))
        {
            return true;
        }

        if (!entry.IsPublished(resource.Now))
        {
            return false;
        }

        if (actor.OwnGroups.ContainsKey(entry.ClassGroupId))
        {
            return true;
        }

        if (actor.Children.Count == 0)
        {
            return false;
        }

        var childrenInGroup = (await directory.ListGroupsOfPupilsAsync(actor.Children.Keys))
            .Where(g => g.ClassGroupId == entry.ClassGroupId).Select(g => g.PupilId).ToList();
        if (childrenInGroup.Count == 0)
        {
            return false;
        }

        var allowed = await GuardiansWithoutAuthoritySeeAsync(entry.SchoolId);
        return childrenInGroup.Any(child => HomeworkRules.CanFollow(actor, child, allowed));
    }

    private async Task<bool> CanFollowAsync(AccountRelations actor, PupilHomework pupil) =>
        HomeworkRules.CanFollow(actor, pupil.PupilId, pupil.SchoolId is not { } school || await GuardiansWithoutAuthoritySeeAsync(school));

    private async Task<bool> GuardiansWithoutAuthoritySeeAsync(Guid schoolId) =>
        (await settings.ForSchoolAsync(schoolId, CancellationToken.None))?.GuardiansWithoutAuthoritySeeHomework ?? true;
}
