using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>
/// A household's contact details: its address and each guardian's phones (a guardian changes their own,
/// the town's agent any). The agent also confirms a proposed household, or separates a guardian into
/// their own household (separated parents).
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ReadHouseholds)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class DetailsModel(
    FamilyAccess access,
    HouseholdQueries queries,
    UpdateHouseholdContacts contacts,
    FormHousehold form,
    IAuthorizationService authorization,
    IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ContactsInput Input { get; set; } = new();

    public HouseholdView Household { get; private set; } = null!;

    public bool IsAgent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new ContactsInput
        {
            Street = Household.Street,
            PostalCode = Household.PostalCode,
            City = Household.City,
            Phones = Household.Guardians.Select(g => new PhonesField { PersonId = g.PersonId, MobilePhone = g.MobilePhone, OtherPhone = g.OtherPhone }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var problems = await contacts.HandleAsync(id, User.RequiredAccountId(), IsAgent, new AddressInput(Input.Street, Input.PostalCode, Input.City),
                Input.Phones.Select(p => new PhonesInput(p.PersonId, p.MobilePhone, p.OtherPhone)).ToList(), cancellationToken);
            if (problems.Count == 0)
            {
                this.Flash(localizer["Les coordonnées du foyer sont enregistrées."]);
                return RedirectToPage(new { id });
            }

            problems.AddTo(ModelState, localizer);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsAgent)
        {
            return NotFound();
        }

        await form.ConfirmAsync(User.RequiredAccountId(), id, cancellationToken);
        this.Flash(localizer["Le foyer est confirmé."]);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSeparateAsync(Guid id, Guid guardianId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsAgent || !Household.Guardians.Any(g => g.PersonId == guardianId))
        {
            return NotFound();
        }

        var (newId, problems) = await form.SeparateAsync(User.RequiredAccountId(), id, guardianId, cancellationToken);
        if (newId is { } created)
        {
            this.Flash(localizer["Un foyer distinct a été créé ; les enfants appartiennent aux deux foyers."]);
            return Redirect($"/famille/foyer/{created}");
        }

        problems.AddTo(ModelState, localizer);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var resource = await access.AuthorizedHouseholdAsync(User, id, ResourceAuthorization.Read, cancellationToken);
        if (resource is null || await queries.GetAsync(id, cancellationToken) is not { } household)
        {
            return false;
        }

        Household = household;
        IsAgent = (await authorization.AuthorizeAsync(User, FamilyServicesPermissions.ManageHouseholds)).Succeeded;
        return true;
    }

    /// <summary>Whether the signed-in person may change this guardian's phones.</summary>
    public bool CanEditPhones(Guid personId) => IsAgent || personId == User.AccountId();
}

internal sealed class ContactsInput
{
    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public List<PhonesField> Phones { get; set; } = [];
}

internal sealed class PhonesField
{
    public Guid PersonId { get; set; }

    public string? MobilePhone { get; set; }

    public string? OtherPhone { get; set; }
}
