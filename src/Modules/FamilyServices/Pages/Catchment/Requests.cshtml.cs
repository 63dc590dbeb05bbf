using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.FamilyServices.Catchment;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>A guardian's school enrolment requests and their state.</summary>
[Authorize(Policy = FamilyServicesPermissions.RequestEnrolment)]
internal sealed class RequestsModel(EnrolmentRequests requests) : PageModel
{
    public IReadOnlyList<EnrolmentRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Requests = await requests.OfGuardianAsync(User.RequiredAccountId(), cancellationToken);
}
