using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Preau.FamilyServices.Menus;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Menus;

/// <summary>
/// The canteen staff's list of a day: the dishes with their allergens, and every child expected whose
/// allergies or care plan match an allergen of the day (<see cref="AllergenMatching"/>). Staff of the
/// school and the town's agents only; another school answers 404.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ReadCanteenList)]
internal sealed class CanteenModel(MenuQueries menus, ICanteenRoster roster, IAccountRelations relations, IStructureDirectory directory, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ecole")]
    public Guid? SchoolId { get; set; }

    [BindProperty(SupportsGet = true, Name = "jour")]
    public DateOnly? Day { get; set; }

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public SchoolInfo? School { get; private set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<MenuDish> Dishes { get; private set; } = [];

    public IReadOnlyList<(CanteenChild Child, IReadOnlyList<AllergenFlag> Flags)> Flagged { get; private set; } = [];

    public int Expected { get; private set; }

    public IEnumerable<SelectListItem> SchoolItems => Schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == School?.Id));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        Schools = User.HasAnyProfile(Profile.MunicipalAgent)
            ? await directory.ListSchoolsAsync(cancellationToken)
            : await directory.GetSchoolsAsync(actor.SchoolRoles.Where(r => (r.Value & (Profile.AfterSchoolStaff | Profile.Head)) != Profile.None).Select(r => r.Key), cancellationToken);
        if (SchoolId is { } requested && Schools.All(s => s.Id != requested))
        {
            return NotFound();
        }

        School = Schools.FirstOrDefault(s => s.Id == SchoolId) ?? (Schools.Count > 0 ? Schools[0] : null);
        Date = Day is { Year: > 2000 and < 2100 } day ? day : tenant.Today(clock);
        if (School is null)
        {
            return Page();
        }

        Dishes = (await menus.PublishedDishesAsync([School.Id], [Date], cancellationToken)).Select(d => d.Dish).OrderBy(d => d.Course).ThenBy(d => d.Position).ToList();
        var children = await roster.ExpectedAsync(School.Id, Date, cancellationToken);
        Expected = children.Count;
        Flagged = children.Select(c => (c, AllergenMatching.Flags(c.Allergens, Dishes))).Where(x => x.Item2.Count > 0 || x.c.HasCarePlan).ToList();
        return Page();
    }
}
