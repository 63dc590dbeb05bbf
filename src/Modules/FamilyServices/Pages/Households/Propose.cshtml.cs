using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>A guardian declares their household at their first visit (or their own, when they live apart).</summary>
[Authorize(Policy = FamilyServicesPermissions.FamilyPortal)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class ProposeModel(IAccountRelations relations, IStructureDirectory directory, FormHousehold form, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public IReadOnlyList<PupilInfo> Children { get; private set; } = [];

    public IReadOnlyList<GuardianInfo> CoGuardians { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.ChildIds = Children.Select(c => c.Id).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var actor = await relations.ForUserAsync(User, cancellationToken);
            var (householdId, problems) = await form.ProposeAsync(actor,
                new HouseholdProposal(Input.ChildIds, Input.CoGuardianIds, new AddressInput(Input.Street, Input.PostalCode, Input.City), Input.MobilePhone), cancellationToken);
            if (householdId is { } id)
            {
                this.Flash(localizer["Votre foyer est déclaré. La ville le confirmera ; vous pouvez déjà inscrire vos enfants."]);
                return Redirect($"/famille/foyer/{id}");
            }

            problems.AddTo(ModelState, localizer);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        Children = await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken);
        CoGuardians = (await directory.ListGuardiansOfPupilsAsync(actor.Children.Keys, cancellationToken))
            .Where(g => g.GuardianId != actor.AccountId).DistinctBy(g => g.GuardianId).ToList();
    }
}

internal sealed class ProposalInput
{
    public List<Guid> ChildIds { get; set; } = [];

    public List<Guid> CoGuardianIds { get; set; } = [];

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? MobilePhone { get; set; }
}
