using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Catchment;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>
/// "Which school for my address?": a public page of the territory (no account needed) where a family types
/// an address and a level and sees the assigned public school, then may ask to enrol.
/// </summary>
[AllowAnonymous]
internal sealed class LookupModel(CatchmentLookup lookup, IStructureDirectory directory, TenantContext tenant, IStringLocalizer localizer) : PageModel
{
    public TerritoryInfo Territory { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public AddressInput Input { get; set; } = new();

    public IReadOnlyList<CatchmentAnswer>? Answers { get; private set; }

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public IEnumerable<SelectListItem> Levels =>
    [
        new(localizer["Maternelle (petite, moyenne, grande section)"], nameof(SchoolLevel.Maternelle)),
        new(localizer["Élémentaire (du CP au CM2)"], nameof(SchoolLevel.Elementaire)),
    ];

    public IEnumerable<SelectListItem> AreaItems => Areas.Select(a => new SelectListItem(a, a));

    public async Task<IActionResult> OnGetAsync(string territory, CancellationToken cancellationToken)
    {
        if (await PublicTerritory.EnterAsync(territory, User, directory, tenant, cancellationToken) is not { } entered)
        {
            return NotFound();
        }

        Territory = entered;
        Areas = await lookup.AreasAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Input.Street) && string.IsNullOrWhiteSpace(Input.Area))
        {
            ModelState.Clear();
            return Page();
        }

        if (Input.Level is not (SchoolLevel.Maternelle or SchoolLevel.Elementaire))
        {
            ModelState.AddModelError("Input.Level", localizer["Choisissez le niveau."]);
        }

        if (!string.IsNullOrWhiteSpace(Input.Street) && !string.IsNullOrWhiteSpace(Input.Number) && HouseNumbers.Parse(Input.Number) is null)
        {
            ModelState.AddModelError("Input.Number", localizer["Le numéro s’écrit en chiffres, éventuellement suivi de bis ou ter (par exemple 12 bis)."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Answers = await lookup.FindAsync(Input.Street, Input.Number, Input.Area, Input.Level!.Value, cancellationToken);
        return Page();
    }
}

internal sealed class AddressInput
{
    [StringLength(20, ErrorMessage = "Le numéro s’écrit en chiffres, éventuellement suivi de bis ou ter (par exemple 12 bis).")]
    public string? Number { get; set; }

    [StringLength(StreetNames.MaxLength, ErrorMessage = "Le nom de la voie ne dépasse pas 200 caractères.")]
    public string? Street { get; set; }

    [StringLength(StreetNames.MaxLength, ErrorMessage = "Le nom du secteur ne dépasse pas 200 caractères.")]
    public string? Area { get; set; }

    public SchoolLevel? Level { get; set; } = SchoolLevel.Elementaire;
}
