using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.SchoolLife.Settings;

/// <summary>One pupil's absences, marks or notes as a resource to read.</summary>
/// <param name="PupilId">The pupil.</param>
/// <param name="SchoolId">The pupil's school (this year).</param>
/// <param name="GroupIds">The pupil's classes and groups.</param>
/// <param name="Area">Which records.</param>
internal sealed record PupilRecords(Guid PupilId, Guid? SchoolId, IReadOnlyCollection<Guid> GroupIds, SchoolLifeArea Area);

/// <summary>Decides who reads a pupil's records (<see cref="Visibility.CanReadPupil"/>), with the school's settings for guardians without parental authority.</summary>
internal sealed class PupilRecordsAuthorizationHandler(IAccountRelations relations, SchoolLifeSettingsStore settings) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not PupilRecords records)
        {
            return;
        }

        var read = context.PendingRequirements.OfType<OperationAuthorizationRequirement>().FirstOrDefault(r => r == ResourceAuthorization.Read);
        if (read is null)
        {
            return;
        }

        var actor = await relations.ForUserAsync(context.User);
        var schoolSettings = records.SchoolId is { } school ? await settings.GetAsync(school, CancellationToken.None) : SchoolLifeSettings.Defaults(Guid.Empty);
        if (Visibility.CanReadPupil(actor, records.PupilId, records.SchoolId, records.GroupIds, schoolSettings, records.Area))
        {
            context.Succeed(read);
        }
    }
}

/// <summary>Builds the <see cref="PupilRecords"/> resource of a pupil (their school and groups this year).</summary>
internal sealed class PupilRecordsLoader(IStructureDirectory directory, IAccountRelations relations)
{
    /// <summary>The pupil's records resource, or null when no such pupil is in the territory.</summary>
    public async Task<(PupilInfo Pupil, PupilRecords Records)?> LoadAsync(Guid pupilId, SchoolLifeArea area, CancellationToken cancellationToken)
    {
        if (await directory.GetPupilsAsync([pupilId], cancellationToken) is not [var pupil, ..])
        {
            return null;
        }

        var groups = (await relations.ForAccountAsync(pupilId, cancellationToken)).OwnGroups.Keys.ToList();
        return (pupil, new PupilRecords(pupil.Id, pupil.SchoolId, groups, area));
    }
}
