using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>A note as a resource, with whether the reader is one of its recipients.</summary>
internal sealed record NoteAccess(LiaisonNote Note, bool IsRecipient);

/// <summary>
/// Who reads and follows up a note: its recipients read it; its author and the head and school-life staff
/// of its school read it and manage it (see who acknowledged, remind). Anyone else gets 404.
/// </summary>
internal sealed class NoteAuthorizationHandler(IAccountRelations relations) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not NoteAccess access)
        {
            return;
        }

        var actor = await relations.ForUserAsync(context.User);
        var follows = access.Note.AuthorId == actor.AccountId || actor.WorksIn(access.Note.SchoolId, Visibility.SchoolLifeStaff);
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            if (follows || (requirement == ResourceAuthorization.Read && access.IsRecipient))
            {
                context.Succeed(requirement);
            }
        }
    }
}
