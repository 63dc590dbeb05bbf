using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin;

/// <summary>The territory's settings: name, kind, time zone, theme, second factor for staff, activation codes.</summary>
[Authorize(Policy = IdentityPermissions.ManageTerritory)]
internal sealed class TerritoryModel(IdentityDbContext db, UpdateTerritorySettings update, ChangeTerritoryLogo logo, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public TerritoryForm Input { get; set; } = new();

    public string? LogoUrl { get; private set; }

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<TerritoryKind>().Select(k => new SelectListItem(localizer[AdminLabels.Of(k)], k.ToString()));

    public IEnumerable<SelectListItem> Zones => TerritoryZones.All.Select(z => new SelectListItem(localizer[z.Label], z.Id));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var territory = await db.Territories.AsNoTracking().SingleAsync(cancellationToken);
        Input = new TerritoryForm
        {
            Name = territory.Name,
            Kind = territory.Kind,
            TimeZoneId = territory.TimeZoneId,
            PrimaryColor = territory.PrimaryColor,
            RequireStaffSecondFactor = territory.RequireStaffSecondFactor,
            ActivationCodeValidityDays = territory.ActivationCodeValidityDays,
        };
        await LoadLogoAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await update.RunAsync(User.RequiredAccountId(), new TerritorySettings(
                Input.Name ?? string.Empty, Input.Kind, Input.TimeZoneId ?? string.Empty, Input.PrimaryColor ?? string.Empty,
                Input.RequireStaffSecondFactor, Input.ActivationCodeValidityDays), cancellationToken);
            if (result.Succeeded)
            {
                this.Flash(localizer["Les réglages du territoire sont enregistrés."]);
                return RedirectToPage();
            }

            ModelState.AddErrors(result, localizer);
        }

        await LoadLogoAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logoFile, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (logoFile is null || logoFile.Length == 0)
        {
            ModelState.AddModelError("logoFile", localizer["Choisissez une image PNG ou JPEG."]);
        }
        else
        {
            await using var stream = logoFile.OpenReadStream();
            var result = await logo.UploadAsync(User.RequiredAccountId(), stream, logoFile.Length, cancellationToken);
            if (result.Succeeded)
            {
                this.Flash(localizer["Le logo est enregistré."]);
                return RedirectToPage();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("logoFile", localizer[error.Message, error.Arguments]);
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync(CancellationToken cancellationToken)
    {
        await logo.RemoveAsync(User.RequiredAccountId(), cancellationToken);
        this.Flash(localizer["Le logo est retiré."]);
        return RedirectToPage();
    }

    private async Task LoadLogoAsync(CancellationToken cancellationToken) =>
        LogoUrl = (await directory.GetCurrentThemeAsync(cancellationToken))?.LogoUrl;
}

internal sealed class TerritoryForm
{
    [Required(ErrorMessage = "Indiquez le nom du territoire.")]
    [StringLength(200, ErrorMessage = "Le nom ne dépasse pas 200 caractères.")]
    public string? Name { get; set; }

    public TerritoryKind Kind { get; set; }

    [Required(ErrorMessage = "Choisissez un fuseau horaire de la liste.")]
    public string? TimeZoneId { get; set; }

    [Required(ErrorMessage = "La couleur s’écrit en hexadécimal, par exemple #1f4e8c.")]
    [StringLength(20, ErrorMessage = "La couleur s’écrit en hexadécimal, par exemple #1f4e8c.")]
    public string? PrimaryColor { get; set; }

    public bool RequireStaffSecondFactor { get; set; }

    [Range(1, 365, ErrorMessage = "La validité des codes d’activation va de 1 à 365 jours.")]
    public int ActivationCodeValidityDays { get; set; } = Territories.Territory.DefaultActivationCodeValidityDays;
}
