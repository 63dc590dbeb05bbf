using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Timetable;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>A class or group's week; its head and school-life staff change a lesson from here.</summary>
[Authorize(Policy = SchoolLifePermissions.ReadTimetable)]
internal sealed class ClassModel(IStructureDirectory directory, IAuthorizationService authorization, ReadTimetable timetables, TenantContext tenant, TimeProvider clock) : PageModel
{
    public ClassGroupInfo Group { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public WeekView Week { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid classGroupId, string? semaine, CancellationToken cancellationToken)
    {
        var group = await directory.GetClassGroupAsync(classGroupId, cancellationToken);
        if (group is null || !await authorization.CanAsync(User, new ClassTimetable(group), ResourceAuthorization.Read))
        {
            return NotFound();
        }

        Group = group;
        CanManage = await authorization.CanAsync(User, new ClassTimetable(group), ResourceAuthorization.Manage);
        var today = tenant.Today(clock);
        TimetableApi.TryWeek(semaine, today, out var monday);
        Func<Lesson, string?>? changeUrl = CanManage
            ? lesson => lesson.PlannedOn >= today ? $"/emploi-du-temps/cours/{lesson.Slot.Id}/changement/{DayNames.Iso(lesson.PlannedOn)}" : null
            : null;
        Week = await WeekView.LoadAsync(monday, today, (from, to) => timetables.ForGroupsAsync([classGroupId], from, to, cancellationToken), timetables,
            $"/emploi-du-temps/classe/{classGroupId}", showGroup: false, concerns: null, changeUrl, cancellationToken);
        return Page();
    }
}
