using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Schools;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Classes;

/// <summary>Creates a class or group in a school (New.cshtml) or edits one (Edit.cshtml).</summary>
[Authorize(Policy = IdentityPermissions.ManageSchools)]
internal sealed class EditModel(IdentityDbContext db, SaveClassGroup save, IAuthorizationService authorization, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SchoolId { get; set; }

    [BindProperty]
    public ClassGroupForm Input { get; set; } = new();

    public School School { get; private set; } = null!;

    public IEnumerable<SelectListItem> Years { get; private set; } = [];

    public IEnumerable<SelectListItem> LevelItems => Levels.All.Select(l => new SelectListItem(l, l));

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<ClassGroupKind>().Select(k => new SelectListItem(localizer[AdminLabels.Of(k)], k.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Id is { } id)
        {
            var group = await db.ClassGroups.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken);
            Input = new ClassGroupForm { Name = group.Name, Kind = group.Kind, Level = group.Level, SchoolYearId = group.SchoolYearId };
        }
        else
        {
            Input.SchoolYearId = await StructureDirectory.CurrentSchoolYearQuery(db, tenant.Today(clock)).Select(y => y.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, classGroupId) = await save.RunAsync(User.RequiredAccountId(), School.Id, Id, new ClassGroupInput(Input.Name ?? string.Empty, Input.Kind, Input.Level, Input.SchoolYearId), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer);
            return Page();
        }

        this.Flash(localizer["La classe est enregistrée."]);
        return Redirect($"/administration/classes/{classGroupId}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var group = await db.ClassGroups.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (group is null || !await authorization.CanAsync(User, group, ResourceAuthorization.Manage))
            {
                return false;
            }

            SchoolId = group.SchoolId;
        }

        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SchoolId, cancellationToken);
        if (school is null || !await authorization.CanAsync(User, school, ResourceAuthorization.Manage))
        {
            return false;
        }

        School = school;
        Years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartsOn).Select(y => new SelectListItem(y.Label, y.Id.ToString())).ToListAsync(cancellationToken);
        return true;
    }
}

internal sealed class ClassGroupForm
{
    [Required(ErrorMessage = "Indiquez le nom de la classe ou du groupe.")]
    [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
    public string? Name { get; set; }

    public ClassGroupKind Kind { get; set; }

    public string? Level { get; set; }

    public Guid SchoolYearId { get; set; }
}
