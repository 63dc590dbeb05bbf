using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Timetable;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>A pupil's week, for the pupil and the guardians: lessons of the class and groups, changes highlighted.</summary>
[Authorize(Policy = SchoolLifePermissions.ReadTimetable)]
internal sealed class PupilModel(IStructureDirectory directory, IAuthorizationService authorization, ReadTimetable timetables, TenantContext tenant, TimeProvider clock) : PageModel
{
    public PupilInfo Pupil { get; private set; } = null!;

    public bool IsThePupil { get; private set; }

    public WeekView Week { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid pupilId, string? semaine, CancellationToken cancellationToken)
    {
        var pupil = await directory.GetPupilsAsync([pupilId], cancellationToken) is [var found, ..] ? found : null;
        if (pupil is null || !await authorization.CanAsync(User, new PupilTimetable(pupil.Id, pupil.SchoolId), ResourceAuthorization.Read))
        {
            return NotFound();
        }

        Pupil = pupil;
        IsThePupil = pupil.Id == User.AccountId();
        var today = tenant.Today(clock);
        TimetableApi.TryWeek(semaine, today, out var monday);
        var groups = await directory.ListGroupsOfPupilsAsync([pupilId], cancellationToken);
        var groupIds = groups.Select(g => g.ClassGroupId).ToList();
        var showGroups = groups.Count > 1;
        Week = await WeekView.LoadAsync(monday, today, (from, to) => timetables.ForGroupsAsync(groupIds, from, to, cancellationToken), timetables,
            $"/emploi-du-temps/eleve/{pupilId}", showGroups, concerns: null, changeUrl: null, cancellationToken);
        return Page();
    }
}
