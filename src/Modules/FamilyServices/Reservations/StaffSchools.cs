using System.Security.Claims;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Reservations;

/// <summary>The schools whose numbers and sheets a user sees: every school for the town's agent, their own for school staff.</summary>
internal sealed class StaffSchools(IAccountRelations relations, IStructureDirectory directory)
{
    public async Task<IReadOnlyList<SchoolInfo>> OfAsync(ClaimsPrincipal user, Profile staffProfiles, CancellationToken cancellationToken)
    {
        if (user.HasAnyProfile(Profile.MunicipalAgent))
        {
            return await directory.ListSchoolsAsync(cancellationToken);
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var ids = actor.SchoolRoles.Where(r => (r.Value & staffProfiles) != Profile.None).Select(r => r.Key).ToList();
        return ids.Count == 0 ? [] : await directory.GetSchoolsAsync(ids, cancellationToken);
    }
}
