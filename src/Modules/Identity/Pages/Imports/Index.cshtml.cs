using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Identity.Imports;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Imports;

/// <summary>The import history: who imported which file, when, and what it changed.</summary>
[Authorize(Policy = IdentityPermissions.ImportRosters)]
internal sealed class IndexModel(ListImports imports, IAccountRelations relations) : PageModel
{
    public PageOf<ImportSummary> Imports { get; private set; } = new([], 1, ListImports.PageSize, 0);

    public async Task OnGetAsync([FromQuery] int page, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        Imports = await imports.ListAsync(actor, page, cancellationToken);
    }
}
