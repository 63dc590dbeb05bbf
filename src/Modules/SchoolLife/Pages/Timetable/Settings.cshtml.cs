using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>A school's schedule settings, by its head: the A/B weeks, and what guardians without parental authority see.</summary>
[Authorize(Policy = SchoolLifePermissions.ManageScheduleSettings)]
internal sealed class SettingsModel(
    IStructureDirectory directory,
    IAuthorizationService authorization,
    ScheduleSettingsStore store,
    SaveScheduleSettings save,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public SchoolInfo School { get; private set; } = null!;

    /// <summary>Whether this week is A or B with the settings as saved.</summary>
    public WeekPattern? ThisWeek { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(schoolId, cancellationToken))
        {
            return NotFound();
        }

        var settings = await store.ForSchoolAsync(schoolId, cancellationToken);
        Input = new SettingsInput
        {
            WeekAReference = settings?.WeekAReference,
            AlternationSkipsHolidays = settings?.AlternationSkipsHolidays ?? true,
            GuardiansWithoutAuthoritySeeHomework = settings?.GuardiansWithoutAuthoritySeeHomework ?? true,
            GuardiansWithoutAuthoritySeeTimetable = settings?.GuardiansWithoutAuthoritySeeTimetable ?? true,
        };
        var today = tenant.Today(clock);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        ThisWeek = WeekAlternation.ReferenceFor(today, settings, calendar) is { } reference
            ? WeekAlternation.WeekOf(today, reference, Input.AlternationSkipsHolidays, calendar)
            : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(schoolId, cancellationToken))
        {
            return NotFound();
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        if (Input.WeekAReference is { } reference && calendar.YearOf(reference) is null)
        {
            ModelState.AddModelError("Input.WeekAReference", localizer["Choisissez un jour d’une année scolaire."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await save.RunAsync(schoolId, Input, cancellationToken);
        this.Flash(localizer["Les réglages sont enregistrés."]);
        return Redirect($"/emploi-du-temps/reglages/{schoolId}");
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken cancellationToken)
    {
        if (await directory.GetSchoolAsync(schoolId, cancellationToken) is not { } school
            || !await authorization.CanAsync(User, new SchoolSchedule(schoolId), ResourceAuthorization.Manage))
        {
            return false;
        }

        School = school;
        return true;
    }
}
