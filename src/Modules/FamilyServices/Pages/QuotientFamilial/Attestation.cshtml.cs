using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.FamilyServices.QuotientFamilial;
using Preau.Platform.Authorization;
using Preau.Platform.Files;

namespace Preau.FamilyServices.Pages.QuotientFamilial;

/// <summary>Serves a CAF attestation to the household's guardians and the town's agents only (404 otherwise).</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class AttestationModel(QuotientQueries queries, IHouseholdDirectory households, IAuthorizationService authorization, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { AttestationFileKey: { } key } record
            || await households.FindAsync(record.HouseholdId, cancellationToken) is not { } household
            || !await authorization.CanAsync(User, household, ResourceAuthorization.Read)
            || await files.OpenReadAsync(key, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(stream, record.AttestationContentType ?? "application/octet-stream", $"attestation-caf-{record.ValidFrom:yyyy-MM-dd}{Extension(record.AttestationContentType)}");
    }

    private static string Extension(string? contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        _ => string.Empty,
    };
}
