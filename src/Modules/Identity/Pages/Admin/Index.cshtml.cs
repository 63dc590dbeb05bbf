using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;

namespace Preau.Identity.Pages.Admin;

/// <summary>The administration's entry: what this user may administer.</summary>
[Authorize(Policy = IdentityPermissions.ManageSchools)]
internal sealed class IndexModel(IAccountRelations relations, IAuthorizationService authorization) : PageModel
{
    public bool IsTerritoryAdmin { get; private set; }

    public bool ManagesPlatform { get; private set; }

    public bool ReadsAuditLog { get; private set; }

    public bool PrintsLetters { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        IsTerritoryAdmin = SchoolScope.ManagedBy(actor).AllSchools;
        ManagesPlatform = (await authorization.AuthorizeAsync(User, IdentityPermissions.ManagePlatform)).Succeeded;
        ReadsAuditLog = (await authorization.AuthorizeAsync(User, IdentityPermissions.ReadAuditLog)).Succeeded;
        PrintsLetters = (await authorization.AuthorizeAsync(User, IdentityPermissions.PrintActivationLetters)).Succeeded;
    }
}
