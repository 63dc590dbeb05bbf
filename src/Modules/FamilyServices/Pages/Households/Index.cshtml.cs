using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>The family's home in the portal: its household(s), children, registrations, and what to do next.</summary>
[Authorize(Policy = FamilyServicesPermissions.FamilyPortal)]
internal sealed class IndexModel(HouseholdQueries households, FamilyServicesDbContext db) : PageModel
{
    public IReadOnlyList<HouseholdView> Households { get; private set; } = [];

    public ILookup<Guid, (Registration Registration, string ServiceName)> Registrations { get; private set; } = Enumerable.Empty<(Registration, string)>().ToLookup(r => r.Item1.ChildId);

    public int RejectedDocuments { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Households = await households.OfGuardianAsync(User.RequiredAccountId(), cancellationToken);
        var childIds = Households.SelectMany(h => h.Children).Select(c => c.PersonId).Distinct().ToList();
        var householdIds = Households.Select(h => h.Id).ToList();
        Registrations = (await (from r in db.Registrations.AsNoTracking()
                                join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
                                where childIds.Contains(r.ChildId) && r.Status != RegistrationStatus.Cancelled
                                orderby s.Name
                                select new { Registration = r, s.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.Registration.ChildId, x => (x.Registration, x.Name));
        RejectedDocuments = await db.SupportingDocuments.CountAsync(d => householdIds.Contains(d.HouseholdId) && d.Status == DocumentStatus.Rejected, cancellationToken);
    }
}
