using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.FamilyServices.Catchment;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>The education service's and the mayor's office's list of requests, by state.</summary>
[Authorize(Policy = FamilyServicesPermissions.DecideEnrolment)]
internal sealed class QueueModel(EnrolmentRequests requests, IStructureDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "etat")]
    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Submitted;

    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PageOf<EnrolmentRequest> Requests { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> SchoolNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Requests = await requests.ByStatusAsync(Enum.IsDefined(Status) ? Status : EnrolmentStatus.Submitted, PageNumber, cancellationToken);
        var ids = Requests.Items.SelectMany(r => new[] { r.AssignedSchoolId, r.RequestedSchoolId, r.DecidedSchoolId }).OfType<Guid>();
        SchoolNames = (await directory.GetSchoolsAsync(ids, cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
    }
}
