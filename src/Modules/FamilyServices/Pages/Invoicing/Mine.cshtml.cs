using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Invoicing;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Pages.Invoicing;

/// <summary>A household's account: for a guardian, each of their households (issued invoices, payments, balance, online payment); the agent reads one household's with ?foyer=.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class MineModel(InvoiceAccess invoices, FamilyAccess access, InvoiceQueries queries, FamilyServicesDbContext db) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name, HouseholdAccount Account)> Households { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "foyer")] Guid? householdId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> ids;
        if (householdId is { } id)
        {
            if (await access.AuthorizedHouseholdAsync(User, id, ResourceAuthorization.Read, cancellationToken) is null)
            {
                return NotFound();
            }

            ids = [id];
        }
        else if (User.HasAnyProfile(Profile.Guardian))
        {
            ids = await invoices.HouseholdsOfAsync(User, cancellationToken);
        }
        else
        {
            return NotFound();
        }

        var names = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var result = new List<(Guid, string, HouseholdAccount)>();
        foreach (var household in ids.Where(names.ContainsKey))
        {
            result.Add((household, names[household], await queries.AccountAsync(household, cancellationToken)));
        }

        Households = result;
        return Page();
    }
}
