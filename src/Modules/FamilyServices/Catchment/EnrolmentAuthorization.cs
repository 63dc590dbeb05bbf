using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Catchment;

/// <summary>
/// Who may read an enrolment request: the guardian who filed it, the education service and the mayor's
/// office, and the head of the school it was accepted in. Who decides: the education service and the
/// mayor's office. Anyone else gets a 404.
/// </summary>
internal sealed class EnrolmentAuthorizationHandler(IAccountRelations relations) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not EnrolmentRequest request)
        {
            return;
        }

        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var user = context.User;
            var decides = user.HasAnyProfile(Profile.MunicipalAgent | Profile.ElectedOfficial);
            var allowed = requirement == ResourceAuthorization.Manage
                ? decides
                : decides
                  || (user.HasAnyProfile(Profile.Guardian) && user.AccountId() == request.GuardianId)
                  || (request.Status == EnrolmentStatus.Accepted && request.DecidedSchoolId is { } school && user.HasAnyProfile(Profile.Head)
                      && (await relations.ForUserAsync(user)).Heads(school));
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }
}
