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
/// The pupils a reader follows: the pupil themself, a guardian's children. Three indexed queries
/// whatever the number of children (relations are cached for the request, settings for minutes).
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

        var pupils = await directory.GetPupilsAsync(pupilIds, cancellationToken);
        var groups = (await directory.ListGroupsOfPupilsAsync(pupilIds, cancellationToken)).ToLookup(g => g.PupilId);
        var schoolSettings = await settings.ForSchoolsAsync(pupils.Where(p => p.SchoolId is not null).Select(p => p.SchoolId!.Value), cancellationToken);
        var followed = new List<FollowedPupil>();
        foreach (var pupil in pupils.OrderBy(p => p.FirstName, StringComparer.CurrentCulture))
        {
            var school = pupil.SchoolId is { } id ? schoolSettings.GetValueOrDefault(id) : null;
            var homework = HomeworkRules.CanFollow(reader, pupil.Id, school?.GuardiansWithoutAuthoritySeeHomework ?? true);
            var timetable = HomeworkRules.CanFollow(reader, pupil.Id, school?.GuardiansWithoutAuthoritySeeTimetable ?? true);
            if (homework || timetable)
            {
                followed.Add(new FollowedPupil(pupil, groups[pupil.Id].ToList(), homework, timetable));
            }
        }

        return followed;
    }
}
