using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Communication.Publishing;
using Preau.Communication.SchoolCouncil;
using Preau.Identity.Contracts;

namespace Preau.Communication.Pages.SchoolCouncil;

/// <summary>The school councils a person belongs to or whose school their child attends; the head opens their school's.</summary>
[Authorize(Policy = CommunicationPermissions.UseSchoolCouncil)]
internal sealed class IndexModel(SchoolCouncils councils, Readership readership, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<(SchoolCouncilSpace Council, string School)> Councils { get; private set; } = [];

    public IReadOnlyList<SchoolInfo> SchoolsToOpen { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(User, cancellationToken);
        Councils = await councils.ForReaderAsync(reader, cancellationToken);
        var headed = reader.Relations.SchoolRoles.Keys.Where(reader.Heads).Where(s => Councils.All(c => c.Council.SchoolId != s));
        SchoolsToOpen = await directory.GetSchoolsAsync(headed, cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid schoolId, CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(User, cancellationToken);
        if (!CouncilRights.Manages(reader, schoolId))
        {
            return NotFound();
        }

        if (await councils.OpenAsync(schoolId, cancellationToken) is not { } council)
        {
            ModelState.AddModelError(string.Empty, localizer["Aucune année scolaire n’est ouverte : le territoire doit d’abord la créer."]);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/conseil-ecole/{council.Id}");
    }
}
