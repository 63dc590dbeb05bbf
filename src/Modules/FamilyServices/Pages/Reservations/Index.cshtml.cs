using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Pages.Reservations;

/// <summary>"Réservations" in the menu: the calendar of the family's first child (the page switches between children).</summary>
[Authorize(Policy = FamilyServicesPermissions.FamilyPortal)]
internal sealed class IndexModel(FamilyServicesDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        var child = await (from g in db.HouseholdMembers.AsNoTracking()
                           join c in db.HouseholdMembers on g.HouseholdId equals c.HouseholdId
                           where g.PersonId == accountId && g.Role == MemberRole.Guardian && c.Role == MemberRole.Child
                           orderby c.PersonId
                           select (Guid?)c.PersonId).FirstOrDefaultAsync(cancellationToken);
        return child is { } id ? Redirect($"/reservations/{id}") : Redirect("/famille");
    }
}
