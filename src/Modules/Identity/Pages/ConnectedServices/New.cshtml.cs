using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.SingleSignOn;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.ConnectedServices;

/// <summary>Opens a new service to the territory's accounts; shows its client secret once.</summary>
[Authorize(Policy = IdentityPermissions.ManageTerritory)]
internal sealed class NewModel(ManageConnectedServices services, PublicLinks links, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ConnectedServiceInput Input { get; set; } = new();

    /// <summary>Set once the service is registered: what the service's administrator needs.</summary>
    public (ConnectedService Service, string? Secret, string Discovery)? Registered { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.ToRequest(ModelState, localizer) is not { } request)
        {
            return Page();
        }

        var (service, secret) = await services.RegisterAsync(request, User.RequiredAccountId(), cancellationToken);
        Registered = (service, secret, links.Absolute(Request, "/.well-known/openid-configuration"));
        return Page();
    }
}
