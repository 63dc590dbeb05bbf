using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>A teacher's week: own lessons, the lessons replaced in, each with its class.</summary>
[Authorize(Policy = SchoolLifePermissions.ReadTimetable)]
internal sealed class TeacherModel(IAccountRelations relations, IStructureDirectory directory, IAuthorizationService authorization, ReadTimetable timetables, TenantContext tenant, TimeProvider clock) : PageModel
{
    public string TeacherName { get; private set; } = string.Empty;

    public bool IsTheTeacher { get; private set; }

    public WeekView Week { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid teacherId, string? semaine, CancellationToken cancellationToken)
    {
        var teacher = await relations.ForAccountAsync(teacherId, cancellationToken);
        if ((teacher.Profiles & (Profile.Teacher | Profile.Head)) == Profile.None
            || !await authorization.CanAsync(User, new TeacherTimetable(teacherId, teacher.Schools.ToList()), ResourceAuthorization.Read))
        {
            return NotFound();
        }

        IsTheTeacher = teacherId == User.AccountId();
        TeacherName = await directory.GetPeopleAsync([teacherId], cancellationToken) is [var person, ..] ? person.DisplayName : string.Empty;
        var today = tenant.Today(clock);
        TimetableApi.TryWeek(semaine, today, out var monday);
        Week = await WeekView.LoadAsync(monday, today, (from, to) => timetables.ForTeacherAsync(teacherId, from, to, cancellationToken), timetables,
            $"/emploi-du-temps/enseignant/{teacherId}", showGroup: true, concerns: null, changeUrl: null, cancellationToken);
        return Page();
    }
}
