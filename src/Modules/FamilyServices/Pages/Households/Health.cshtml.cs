using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>A child's health information for the staff who look after them: allergies (the 14 regulated allergens), PAI, doctor.</summary>
[Authorize(Policy = FamilyServicesPermissions.ReadHouseholds)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class HealthModel(FamilyAccess access, UpdateMedicalInfo update, FamilyServicesDbContext db, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public MedicalField Input { get; set; } = new();

    public string ChildName { get; private set; } = string.Empty;

    public DateTime? UpdatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, cancellationToken))
        {
            return NotFound();
        }

        if (await db.MedicalInfo.AsNoTracking().FirstOrDefaultAsync(m => m.ChildId == childId, cancellationToken) is { } info)
        {
            Input = new MedicalField
            {
                Allergens = Allergens.In(info.Allergens).ToList(),
                OtherAllergies = info.OtherAllergies,
                HasIndividualCarePlan = info.HasIndividualCarePlan,
                IndividualCarePlanDetails = info.IndividualCarePlanDetails,
                DoctorName = info.DoctorName,
                DoctorPhone = info.DoctorPhone,
                Notes = info.Notes,
            };
            UpdatedAt = info.UpdatedAt;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var problems = await update.HandleAsync(childId, User.RequiredAccountId(),
                new MedicalInput(Input.Allergens, Input.OtherAllergies, Input.HasIndividualCarePlan, Input.IndividualCarePlanDetails, Input.DoctorName, Input.DoctorPhone, Input.Notes), cancellationToken);
            if (problems.Count == 0)
            {
                this.Flash(localizer["Les informations de santé de {0} sont enregistrées.", ChildName]);
                return RedirectToPage(new { childId });
            }

            problems.AddTo(ModelState, localizer);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedChildAsync(User, childId, ResourceAuthorization.Manage, cancellationToken) is null)
        {
            return false;
        }

        ChildName = await directory.GetPeopleAsync([childId], cancellationToken) is [var child, ..] ? child.DisplayName : string.Empty;
        return true;
    }
}

internal sealed class MedicalField
{
    public List<Allergen> Allergens { get; set; } = [];

    public string? OtherAllergies { get; set; }

    public bool HasIndividualCarePlan { get; set; }

    public string? IndividualCarePlanDetails { get; set; }

    public string? DoctorName { get; set; }

    public string? DoctorPhone { get; set; }

    public string? Notes { get; set; }
}
