using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Settings;

/// <summary>The head's settings of the liaison notebook, absences and assessments for their school.</summary>
[Authorize(Policy = SchoolLifePermissions.ManageSchoolSettings)]
internal sealed class SchoolSettingsModel(ChangeSchoolSettings change, SchoolLifeSettingsStore store, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ecole")]
    public Guid? SchoolId { get; set; }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PeriodKinds =>
    [
        new(localizer["Trimestres"], nameof(PeriodKind.Trimesters)),
        new(localizer["Semestres"], nameof(PeriodKind.Semesters)),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var current = await store.GetAsync(SchoolId!.Value, cancellationToken);
        Input = new SettingsInput
        {
            AbsenceNoticeDelayMinutes = current.AbsenceNoticeDelayMinutes,
            MonthlyAlertThreshold = current.MonthlyAlertThreshold,
            PeriodKind = current.PeriodKind,
            NonCustodialSeeNotes = current.NonCustodialSeeNotes,
            NonCustodialSeeAbsences = current.NonCustodialSeeAbsences,
            NonCustodialSeeAssessments = current.NonCustodialSeeAssessments,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await change.HandleAsync(User, SchoolId!.Value, new SchoolSettingsInput(
            Input.AbsenceNoticeDelayMinutes ?? -1, Input.MonthlyAlertThreshold ?? 0, Input.PeriodKind,
            Input.NonCustodialSeeNotes, Input.NonCustodialSeeAbsences, Input.NonCustodialSeeAssessments), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState, "Input.");
            return Page();
        }

        this.Flash(localizer["Réglages enregistrés."]);
        return Redirect($"/vie-scolaire/reglages?ecole={SchoolId}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        Schools = await directory.GetSchoolsAsync(actor.SchoolRoles.Keys.Where(actor.Heads), cancellationToken);
        SchoolId ??= Schools.Count > 0 ? Schools[0].Id : null;
        return SchoolId is { } id && Schools.Any(s => s.Id == id);
    }
}

internal sealed class SettingsInput
{
    public int? AbsenceNoticeDelayMinutes { get; set; }

    public int? MonthlyAlertThreshold { get; set; }

    public PeriodKind PeriodKind { get; set; }

    public bool NonCustodialSeeNotes { get; set; }

    public bool NonCustodialSeeAbsences { get; set; }

    public bool NonCustodialSeeAssessments { get; set; }
}
