using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Services;

/// <summary>A family's registrations, child by child, and the withdrawal of one.</summary>
[Authorize(Policy = FamilyServicesPermissions.FamilyPortal)]
internal sealed class MineModel(HouseholdQueries households, FamilyServicesDbContext db, DecideRegistration decide, IStringLocalizer localizer) : PageModel
{
    public sealed record Row(Registration Registration, Service Service, string? StopName);

    public IReadOnlyList<ChildView> Children { get; private set; } = [];

    public ILookup<Guid, Row> Registrations { get; private set; } = Enumerable.Empty<Row>().ToLookup(r => r.Registration.ChildId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Children = (await households.OfGuardianAsync(User.RequiredAccountId(), cancellationToken)).SelectMany(h => h.Children).DistinctBy(c => c.PersonId).ToList();
        var childIds = Children.Select(c => c.PersonId).ToList();
        var rows = await (from r in db.Registrations.AsNoTracking()
                          join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
                          where childIds.Contains(r.ChildId)
                          orderby r.SubmittedAt descending
                          select new { Registration = r, Service = s, Stop = db.ServiceStops.Where(p => p.Id == r.StopId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        Registrations = rows.Select(r => new Row(r.Registration, r.Service, r.Stop)).ToLookup(r => r.Registration.ChildId);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        var childIds = (await households.OfGuardianAsync(User.RequiredAccountId(), cancellationToken)).SelectMany(h => h.Children).Select(c => c.PersonId).ToList();
        if (!await db.Registrations.AnyAsync(r => r.Id == registrationId && childIds.Contains(r.ChildId), cancellationToken))
        {
            return NotFound();
        }

        var problems = await decide.HandleAsync(User.RequiredAccountId(), byFamily: true, registrationId, RegistrationStatus.Cancelled, null, cancellationToken);
        this.Flash(problems.Count == 0 ? localizer["L’inscription est annulée ; les jours réservés à venir sont libérés."] : problems[0].Translate(localizer));
        return RedirectToPage();
    }
}
