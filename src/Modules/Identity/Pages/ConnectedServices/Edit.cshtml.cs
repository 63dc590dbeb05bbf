using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.SingleSignOn;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.ConnectedServices;

/// <summary>Changes or removes a connected service of the territory (another territory's answers 404).</summary>
[Authorize(Policy = IdentityPermissions.ManageTerritory)]
internal sealed class EditModel(ManageConnectedServices services, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ConnectedServiceInput Input { get; set; } = new();

    public ConnectedService Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await services.FindAsync(id, cancellationToken) is not { } service)
        {
            return NotFound();
        }

        Service = service;
        Input = new ConnectedServiceInput
        {
            Name = service.Name,
            Description = service.Description,
            RedirectUris = ConnectedServiceInput.Join(await services.RedirectUrisAsync(service, cancellationToken)),
            PostLogoutRedirectUris = ConnectedServiceInput.Join(await services.PostLogoutRedirectUrisAsync(service, cancellationToken)),
            MayUseApi = service.MayUseApi,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await services.FindAsync(id, cancellationToken) is not { } service)
        {
            return NotFound();
        }

        Service = service;
        if (Input.ToRequest(ModelState, localizer) is not { } request)
        {
            return Page();
        }

        await services.UpdateAsync(service, request, User.RequiredAccountId(), cancellationToken);
        this.Flash(localizer["Le service « {0} » est modifié.", request.Name]);
        return Redirect("/admin/services-connectes");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await services.FindAsync(id, cancellationToken) is not { } service)
        {
            return NotFound();
        }

        await services.RemoveAsync(service, User.RequiredAccountId(), cancellationToken);
        this.Flash(localizer["Le service « {0} » est retiré : plus personne ne s’y connecte avec Préau.", service.Name]);
        return Redirect("/admin/services-connectes");
    }
}
