using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.SchoolLife.Timetable;

/// <summary>A teacher who may give a lesson of a class, with the subject taught there if known.</summary>
internal sealed record TeacherChoice(Guid Id, string Name, string? Subject);

/// <summary>The teachers a school's timetable may name: the class's own, then the school's other teachers.</summary>
internal sealed class TeacherChoices(IStructureDirectory directory)
{
    public async Task<IReadOnlyList<TeacherChoice>> ForGroupAsync(ClassGroupInfo group, CancellationToken cancellationToken)
    {
        var ofGroup = await directory.ListTeachingOfGroupsAsync([group.Id], cancellationToken);
        var ofSchool = await directory.ListStaffOfSchoolAsync(group.SchoolId, Profile.Teacher, cancellationToken);
        return ofGroup.Select(t => new TeacherChoice(t.TeacherId, t.DisplayName, t.Subject))
            .Concat(ofSchool.Select(s => new TeacherChoice(s.AccountId, s.DisplayName, null)))
            .DistinctBy(t => t.Id)
            .ToList();
    }
}
