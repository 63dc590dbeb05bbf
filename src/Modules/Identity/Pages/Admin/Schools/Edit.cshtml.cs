using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Schools;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Schools;

/// <summary>
/// Creates a school (territory administrators) or edits one (its head too). Serves two pages:
/// New.cshtml (no id) and Edit.cshtml.
/// </summary>
[Authorize(Policy = IdentityPermissions.ManageSchools)]
internal sealed class EditModel(IdentityDbContext db, SaveSchool save, IAuthorizationService authorization, IAccountRelations relations, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public SchoolForm Input { get; set; } = new();

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<SchoolKind>().Select(k => new SelectListItem(localizer[AdminLabels.Of(k)], k.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return await MayCreateAsync(cancellationToken) ? Page() : NotFound();
        }

        if (await FindManagedAsync(cancellationToken) is not { } school)
        {
            return NotFound();
        }

        Input = new SchoolForm
        {
            Uai = school.Uai, Name = school.Name, Kind = school.Kind, Street = school.Street, PostalCode = school.PostalCode,
            City = school.City, Latitude = school.Latitude, Longitude = school.Longitude,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is null ? !await MayCreateAsync(cancellationToken) : await FindManagedAsync(cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, schoolId) = await save.RunAsync(User.RequiredAccountId(), Id, new SchoolInput(
            Input.Uai ?? string.Empty, Input.Name ?? string.Empty, Input.Kind, Input.Street, Input.PostalCode, Input.City, Input.Latitude, Input.Longitude), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer);
            return Page();
        }

        this.Flash(localizer["L’établissement est enregistré."]);
        return Redirect($"/administration/etablissements/{schoolId}");
    }

    /// <summary>Only a territory administrator opens a new school.</summary>
    private async Task<bool> MayCreateAsync(CancellationToken cancellationToken) =>
        SchoolScope.ManagedBy(await relations.ForUserAsync(User, cancellationToken)).AllSchools;

    private async Task<School?> FindManagedAsync(CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, cancellationToken);
        return school is not null && await authorization.CanAsync(User, school, ResourceAuthorization.Manage) ? school : null;
    }
}

internal sealed class SchoolForm
{
    [Required(ErrorMessage = "Indiquez le code UAI.")]
    [StringLength(20, ErrorMessage = "Le code UAI comporte 8 caractères.")]
    public string? Uai { get; set; }

    [Required(ErrorMessage = "Indiquez le nom de l’établissement.")]
    [StringLength(200, ErrorMessage = "Le nom ne dépasse pas 200 caractères.")]
    public string? Name { get; set; }

    public SchoolKind Kind { get; set; } = SchoolKind.Elementaire;

    [StringLength(200, ErrorMessage = "L’adresse ne dépasse pas 200 caractères.")]
    public string? Street { get; set; }

    [StringLength(10, ErrorMessage = "Le code postal comporte 5 chiffres.")]
    public string? PostalCode { get; set; }

    [StringLength(100, ErrorMessage = "La commune ne dépasse pas 100 caractères.")]
    public string? City { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
