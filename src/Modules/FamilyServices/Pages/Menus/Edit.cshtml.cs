using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Menus;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Menus;

/// <summary>A week's menu as the agent sees it: each day's dishes, a link to edit each day, publication.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageMenus)]
internal sealed class EditModel(MenuQueries menus, EditMenu edit, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    public MenuWeek Menu { get; private set; } = null!;

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    [BindProperty]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        await ActAsync(id, () => edit.PublishAsync(id, Stamp, User.RequiredAccountId(), cancellationToken), localizer["Menu publié : les familles le voient."], $"/menus/gestion/{id}", cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken cancellationToken) =>
        await ActAsync(id, () => edit.UnpublishAsync(id, cancellationToken), localizer["Menu retiré : les familles ne le voient plus."], $"/menus/gestion/{id}", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await ActAsync(id, () => edit.DeleteAsync(id, cancellationToken), localizer["Menu supprimé."], "/menus/gestion", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<IReadOnlyList<RuleError>>> action, string success, string redirect, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = await action();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
            }

            Stamp = Menu.ConcurrencyStamp;
            return Page();
        }

        this.Flash(success);
        return Redirect(redirect);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await menus.FindAsync(id, cancellationToken) is not { } menu)
        {
            return false;
        }

        Menu = menu;
        Stamp = menu.ConcurrencyStamp;
        Schools = await directory.GetSchoolsAsync(menu.Schools.Select(s => s.SchoolId), cancellationToken);
        return true;
    }
}
