using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Services;

/// <summary>One registration for the agent: the child, the household and its documents, and the decision.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageServices)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class DecideModel(FamilyServicesDbContext db, IStructureDirectory directory, HouseholdQueries households, DecideRegistration decide, IStringLocalizer localizer) : PageModel
{
    public Registration Registration { get; private set; } = null!;

    public Service Service { get; private set; } = null!;

    public PupilInfo? Child { get; private set; }

    public HouseholdView? Household { get; private set; }

    public IReadOnlyList<SupportingDocument> Documents { get; private set; } = [];

    public int? WaitingPosition { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, RegistrationStatus decision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var problems = await decide.HandleAsync(User.RequiredAccountId(), byFamily: false, id, decision, Reason, cancellationToken);
        if (problems.Count == 0)
        {
            this.Flash(localizer["Décision enregistrée : {0}. La famille en est informée.", localizer[ServiceLabels.Of(decision)]]);
            return RedirectToPage(new { id });
        }

        problems.AddTo(ModelState, localizer, prefix: string.Empty);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null)
        {
            return false;
        }

        Registration = registration;
        Service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == registration.ServiceId, cancellationToken);
        Child = await directory.GetPupilsAsync([registration.ChildId], cancellationToken) is [var child, ..] ? child : null;
        Household = await households.GetAsync(registration.HouseholdId, cancellationToken);
        Documents = await db.SupportingDocuments.AsNoTracking().Where(d => d.HouseholdId == registration.HouseholdId).OrderByDescending(d => d.UploadedAt).ToListAsync(cancellationToken);
        if (registration.Status == RegistrationStatus.WaitingList)
        {
            WaitingPosition = 1 + await db.Registrations.CountAsync(r => r.ServiceId == registration.ServiceId && r.Status == RegistrationStatus.WaitingList && r.QueuedAt < registration.QueuedAt, cancellationToken);
        }

        return true;
    }
}
