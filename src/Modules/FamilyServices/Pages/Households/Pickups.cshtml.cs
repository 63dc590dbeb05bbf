using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>The people a household allows to pick each child up.</summary>
[Authorize(Policy = FamilyServicesPermissions.ReadHouseholds)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class PickupsModel(FamilyAccess access, HouseholdQueries queries, ManageAuthorizedPickups pickups, FamilyServicesDbContext db, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public PickupField Input { get; set; } = new();

    public HouseholdView Household { get; private set; } = null!;

    public ILookup<Guid, AuthorizedPickup> Pickups { get; private set; } = Enumerable.Empty<AuthorizedPickup>().ToLookup(p => p.ChildId);

    private HouseholdResource _resource = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var problems = await pickups.AddAsync(_resource, User.RequiredAccountId(), new PickupInput(Input.ChildId, Input.Name, Input.Phone, Input.Relation), cancellationToken);
            if (problems.Count == 0)
            {
                this.Flash(localizer["La personne autorisée est ajoutée."]);
                return RedirectToPage(new { id });
            }

            problems.AddTo(ModelState, localizer);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid pickupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !await pickups.RemoveAsync(_resource, User.RequiredAccountId(), pickupId, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(localizer["La personne n’est plus autorisée."]);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedHouseholdAsync(User, id, ResourceAuthorization.Manage, cancellationToken) is not { } resource
            || await queries.GetAsync(id, cancellationToken) is not { } household)
        {
            return false;
        }

        (_resource, Household) = (resource, household);
        Pickups = (await db.AuthorizedPickups.AsNoTracking().Where(p => p.HouseholdId == id).OrderBy(p => p.Name).ToListAsync(cancellationToken)).ToLookup(p => p.ChildId);
        return true;
    }
}

internal sealed class PickupField
{
    public Guid ChildId { get; set; }

    public string? Name { get; set; }

    public string? Relation { get; set; }

    public string? Phone { get; set; }
}
