using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>
/// Who may read or act on a household's quotient: its own guardians, and the town's agents (the
/// territory filter already keeps them in their territory). Anyone else gets a 404 from the pages.
/// </summary>
internal sealed class QuotientAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HouseholdSummary household)
        {
            return Task.CompletedTask;
        }

        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var isAgent = context.User.HasAnyProfile(Profile.MunicipalAgent);
            var isOwnGuardian = context.User.HasAnyProfile(Profile.Guardian) && context.User.AccountId() is { } id && household.GuardianIds.Contains(id);
            if (isAgent || isOwnGuardian)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
