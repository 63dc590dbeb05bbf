using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;

namespace Preau.Identity.Pages.Admin;

/// <summary>The installation's territories, and opening a new one with its first administrator (platform administrators only).</summary>
[Authorize(Policy = IdentityPermissions.ManagePlatform)]
internal sealed class TerritoriesModel(IdentityDbContext db, CreateTerritory create, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public NewTerritoryForm Input { get; set; } = new();

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    /// <summary>The new administrator's login and code, shown once after creation.</summary>
    public FirstAdministrator? Created { get; private set; }

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<TerritoryKind>().Select(k => new SelectListItem(localizer[AdminLabels.Of(k)], k.ToString()));

    public IEnumerable<SelectListItem> Zones => TerritoryZones.All.Select(z => new SelectListItem(localizer[z.Label], z.Id));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (result, administrator) = await create.RunAsync(User.RequiredAccountId(), new NewTerritory(
                Input.Name ?? string.Empty, Input.Slug ?? string.Empty, Input.Kind, Input.TimeZoneId ?? string.Empty,
                Input.AdminFirstName ?? string.Empty, Input.AdminLastName ?? string.Empty, Input.AdminLogin ?? string.Empty, Input.AdminEmail), cancellationToken);
            if (result.Succeeded)
            {
                Created = administrator;
                Response.Headers.CacheControl = "no-store";
                ModelState.Clear();
                Input = new NewTerritoryForm();
            }
            else
            {
                ModelState.AddErrors(result, localizer);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Territories = await db.Territories.IgnoreQueryFilters().AsNoTracking().OrderBy(t => t.Name).Take(1000).ToListAsync(cancellationToken);
}

internal sealed class NewTerritoryForm
{
    [Required(ErrorMessage = "Indiquez le nom du territoire.")]
    [StringLength(200, ErrorMessage = "Le nom ne dépasse pas 200 caractères.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Indiquez un nom court.")]
    [StringLength(60, ErrorMessage = "Le nom court ne dépasse pas 60 caractères.")]
    public string? Slug { get; set; }

    public TerritoryKind Kind { get; set; }

    public string? TimeZoneId { get; set; } = "Europe/Paris";

    [Required(ErrorMessage = "Indiquez le prénom.")]
    [StringLength(100, ErrorMessage = "Le prénom ne dépasse pas 100 caractères.")]
    public string? AdminFirstName { get; set; }

    [Required(ErrorMessage = "Indiquez le nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
    public string? AdminLastName { get; set; }

    [Required(ErrorMessage = "Indiquez l’identifiant.")]
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string? AdminLogin { get; set; }

    [StringLength(256, ErrorMessage = "L’adresse électronique ne dépasse pas 256 caractères.")]
    public string? AdminEmail { get; set; }
}
