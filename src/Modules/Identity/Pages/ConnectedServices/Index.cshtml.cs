using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.SingleSignOn;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.ConnectedServices;

/// <summary>The territory's connected services: what its accounts sign in to with Préau.</summary>
[Authorize(Policy = IdentityPermissions.ManageTerritory)]
internal sealed class IndexModel(ManageConnectedServices services, PublicLinks links) : PageModel
{
    public IReadOnlyList<ConnectedService> Services { get; private set; } = [];

    public string Discovery { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Services = await services.ListAsync(cancellationToken);
        Discovery = links.Absolute(Request, "/.well-known/openid-configuration");
    }
}
