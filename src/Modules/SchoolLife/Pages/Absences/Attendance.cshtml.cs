using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Absences;

/// <summary>School-life staff's desk: justifications waiting for a decision in their schools.</summary>
[Authorize(Policy = SchoolLifePermissions.FollowAttendance)]
internal sealed class AttendanceModel(ReadAbsences absences, IAccountRelations relations) : PageModel
{
    public PageOf<PendingJustification> Pending { get; private set; } = new([], 1, ReadAbsences.PageSize, 0);

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        var schools = actor.SchoolRoles.Keys.Where(s => Visibility.CanFollowAttendance(actor, s)).ToList();
        Pending = await absences.PendingAsync(schools, page, cancellationToken);
    }
}
