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
/// The week's canteen menu of a school, phone-friendly, allergens written out (never shown by colour
/// alone). A guardian chooses among the children's schools, staff among their schools, the town among all.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class IndexModel(MenuQueries menus, IAccountRelations relations, IStructureDirectory directory, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ecole")]
    public Guid? SchoolId { get; set; }

    [BindProperty(SupportsGet = true, Name = "semaine")]
    public DateOnly? Week { get; set; }

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public SchoolInfo? School { get; private set; }

    public DateOnly WeekStart { get; private set; }

    public MenuWeek? Menu { get; private set; }

    public bool CanManage { get; private set; }

    public IEnumerable<SelectListItem> SchoolItems => Schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == School?.Id));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        CanManage = User.HasAnyProfile(Profile.MunicipalAgent);
        if (User.HasAnyProfile(Profile.MunicipalAgent | Profile.ElectedOfficial) || actor.IsTerritoryAdmin)
        {
            Schools = await directory.ListSchoolsAsync(cancellationToken);
        }
        else
        {
            var children = actor.Children.Count > 0 ? await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken) : [];
            var ids = children.Where(c => c.SchoolId is not null).Select(c => c.SchoolId!.Value).Concat(actor.Schools).Distinct().ToList();
            Schools = await directory.GetSchoolsAsync(ids, cancellationToken);
        }

        School = Schools.FirstOrDefault(s => s.Id == SchoolId) ?? (Schools.Count > 0 ? Schools[0] : null);
        WeekStart = MenuNames.MondayOf(Week is { Year: > 2000 and < 2100 } week ? week : tenant.Today(clock));
        if (School is not null)
        {
            Menu = await menus.PublishedForSchoolAsync(School.Id, WeekStart, cancellationToken);
        }
    }
}
