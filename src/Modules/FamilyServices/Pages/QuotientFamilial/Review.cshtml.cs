using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.QuotientFamilial;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.QuotientFamilial;

/// <summary>The agent examines a pending quotient and its attestation, then validates it or rejects it with a reason.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageQuotients)]
internal sealed class ReviewModel(QuotientQueries queries, IHouseholdDirectory households, ReviewQuotient review, IStringLocalizer localizer) : PageModel
{
    public QuotientFamilialRecord Record { get; private set; } = null!;

    public string HouseholdName { get; private set; } = string.Empty;

    [BindProperty]
    [System.ComponentModel.DataAnnotations.StringLength(ReviewQuotient.MaxReasonLength, ErrorMessage = "Le motif ne dépasse pas 500 caractères.")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostValidateAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, bool validate, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await review.HandleAsync(id, validate, Reason, User.RequiredAccountId(), cancellationToken) is { } error)
        {
            ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
            return Page();
        }

        this.Flash(validate ? localizer["Quotient familial validé."] : localizer["Quotient familial refusé ; la famille est prévenue avec le motif."]);
        return Redirect("/quotient-familial");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } record)
        {
            return false;
        }

        Record = record;
        HouseholdName = (await households.FindAsync(record.HouseholdId, cancellationToken))?.Name ?? string.Empty;
        return true;
    }
}
