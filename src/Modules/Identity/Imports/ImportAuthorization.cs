using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Contracts;

namespace Preau.Identity.Imports;

/// <summary>Where an import would write: the whole territory (null) or one school.</summary>
internal sealed record ImportTarget(Guid? SchoolId);

/// <summary>
/// Who may import where, and see or act on a run: the territory administrator everywhere in the territory;
/// a head only into a school they head, and only the runs of their schools. Everyone else is answered
/// "not found" by the pages (the territory filter already hides other territories' runs).
/// </summary>
internal sealed class ImportAuthorizationHandler(IAccountRelations relations) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        Guid? schoolId;
        switch (context.Resource)
        {
            case ImportRun run:
                schoolId = run.SchoolId;
                break;
            case ImportTarget target:
                schoolId = target.SchoolId;
                break;
            default:
                return;
        }

        var actor = await relations.ForUserAsync(context.User);
        var allowed = actor.IsTerritoryAdmin || (schoolId is { } school && actor.Heads(school));
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }
}
