using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>The signed-in user's own territory's catchment page.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class MineModel(IStructureDirectory directory) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await directory.GetCurrentTerritoryAsync(cancellationToken) is { } territory ? Redirect($"/sectorisation/{territory.Slug}") : NotFound();
}
