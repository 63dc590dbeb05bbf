using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.FamilyServices.Catchment;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>The decision letter, as a printable page (…/courrier) and as a PDF (…/courrier.pdf), for those who may read the request.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class LetterModel(EnrolmentRequests requests, IStructureDirectory directory, IAuthorizationService authorization, TenantContext tenant) : PageModel
{
    public LetterContent Letter { get; private set; } = null!;

    public Guid RequestId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { DecidedAt: { } decidedAt } request || !await authorization.CanAsync(User, request, ResourceAuthorization.Read))
        {
            return NotFound();
        }

        var schools = (await directory.GetSchoolsAsync(new[] { request.DecidedSchoolId, request.AssignedSchoolId }.OfType<Guid>(), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var territory = await directory.GetCurrentTerritoryAsync(cancellationToken);
        var guardian = (await directory.GetPeopleAsync([request.GuardianId], cancellationToken)) is [var person, ..] ? person.DisplayName : string.Empty;
        Letter = EnrolmentLetter.Compose(request, territory?.Name ?? string.Empty, guardian,
            request.DecidedSchoolId is { } decided ? schools.GetValueOrDefault(decided) : null,
            request.AssignedSchoolId is { } assigned ? schools.GetValueOrDefault(assigned) : null,
            DateOnly.FromDateTime(tenant.ToLocal(new DateTimeOffset(decidedAt, TimeSpan.Zero))));
        RequestId = id;
        if (Request.Path.Value?.EndsWith(".pdf", StringComparison.Ordinal) == true)
        {
            Response.Headers.CacheControl = "private, no-store";
            return File(EnrolmentLetter.Pdf(Letter), "application/pdf", $"courrier-inscription-{request.Reference}.pdf");
        }

        return Page();
    }
}
