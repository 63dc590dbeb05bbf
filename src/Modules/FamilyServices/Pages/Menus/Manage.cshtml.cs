using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Menus;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Menus;

/// <summary>The town's agent lists the menus from last week on and starts a new week for a school or a central kitchen.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageMenus)]
internal sealed class ManageModel(MenuQueries menus, EditMenu edit, IStructureDirectory directory, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PageOf<MenuWeek> Menus { get; private set; } = null!;

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    [BindProperty]
    public NewMenuInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Week ??= MenuNames.MondayOf(tenant.Today(clock)).AddDays(7);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (menu, errors) = await edit.CreateAsync(Input.Week!.Value, Input.Kitchen ?? string.Empty, Input.Schools, cancellationToken);
        if (menu is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        this.Flash(localizer["Menu créé : remplissez chaque jour, puis publiez-le."]);
        return Redirect($"/menus/gestion/{menu.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Menus = await menus.ListAsync(MenuNames.MondayOf(tenant.Today(clock)).AddDays(-7), PageNumber, cancellationToken);
        Schools = await directory.ListSchoolsAsync(cancellationToken);
    }
}

internal sealed class NewMenuInput
{
    [Required(ErrorMessage = "Indiquez un jour de la semaine du menu.")]
    public DateOnly? Week { get; set; }

    [Required(ErrorMessage = "Indiquez la cuisine ou l’école (200 caractères au plus, sans < ni >).")]
    [StringLength(200, ErrorMessage = "Indiquez la cuisine ou l’école (200 caractères au plus, sans < ni >).")]
    public string? Kitchen { get; set; }

    public List<Guid> Schools { get; set; } = [];
}
