using System.Security.Claims;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Today;

/// <summary>A pupil the reader follows (themself, or a child), with the classes and groups, and what the reader may see.</summary>
/// <param name="Pupil">The pupil and their class.</param>
/// <param name="Groups">The pupil's classes and groups this year.</param>
/// <param name="SeesHomework">Whether the reader sees the homework (the school's settings for guardians without parental authority).</param>
/// <param name="SeesTimetable">Whether the reader sees the timetable.</param>
internal sealed record FollowedPupil(PupilInfo Pupil, IReadOnlyList<PupilGroupInfo> Groups, bool SeesHomework, bool SeesTimetable)
{
    public IReadOnlyList<Guid> GroupIds => Groups.Select(g => g.ClassGroupId).ToList();
}

/// <summary>
/// The pupils a reader follows: the pupil themself, a guardian's children. One indexed query whatever
/// the number of children (relations are cached for the request, settings for minutes).
/// </summary>
internal sealed class FollowedPupils(IAccountRelations relations, IStructureDirectory directory, ScheduleSettingsStore settings)
{
    /// <summary>Every pupil the reader follows and may see something of, by first name.</summary>
    public async Task<IReadOnlyList<FollowedPupil>> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = await relations.ForUserAsync(user, cancellationToken);
        return await ForAsync(reader, cancellationToken);
    }

    /// <summary>Every pupil an account follows (for its calendar feed).</summary>
    public async Task<IReadOnlyList<FollowedPupil>> ForAsync(AccountRelations reader, CancellationToken cancellationToken)
    {
        var pupilIds = reader.Children.Keys.ToList();
        if (reader.OwnGroups.Count > 0)
        {
            pupilIds.Add(reader.AccountId);
        }

        if (pupilIds.Count == 0)
        {
            return [];
        }

        // One query gives the pupils' names with their classes and groups; a pupil in no class this year has nothing to show.
        var memberships = (await directory.ListGroupsOfPupilsAsync(pupilIds, cancellationToken)).GroupBy(g => g.PupilId).ToList();
        var schoolSettings = await settings.ForSchoolsAsync(memberships.SelectMany(m => m).Select(g => g.SchoolId), cancellationToken);
        var followed = new List<FollowedPupil>();
        foreach (var groups in memberships.OrderBy(m => m.First().FirstName, StringComparer.CurrentCulture))
        {
            var first = groups.First();
            var @class = groups.FirstOrDefault(g => g.Kind == ClassGroupKind.Class);
            var pupil = new PupilInfo(first.PupilId, first.FirstName, first.LastName, @class?.ClassGroupId, @class?.Name, (@class ?? first).SchoolId);
            var school = schoolSettings.GetValueOrDefault(pupil.SchoolId!.Value);
            var homework = HomeworkRules.CanFollow(reader, pupil.Id, school?.GuardiansWithoutAuthoritySeeHomework ?? true);
            var timetable = HomeworkRules.CanFollow(reader, pupil.Id, school?.GuardiansWithoutAuthoritySeeTimetable ?? true);
            if (homework || timetable)
            {
                followed.Add(new FollowedPupil(pupil, groups.ToList(), homework, timetable));
            }
        }

        return followed;
    }
}
