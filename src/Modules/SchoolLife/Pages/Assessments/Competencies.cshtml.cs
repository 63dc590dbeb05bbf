using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Assessments;

/// <summary>A primary class: the teacher assesses a pupil's competencies and writes the periodic report.</summary>
[Authorize(Policy = SchoolLifePermissions.WriteAssessments)]
[GenerousFormLimits]
internal sealed class CompetenciesModel(
    AssessCompetencies assess,
    ReadCompetencies read,
    AssessmentPeriods periods,
    IAccountRelations relations,
    IStructureDirectory directory,
    TenantContext tenant,
    IStringLocalizer localizer,
    TimeProvider clock) : PageModel
{
    public ClassGroupInfo Group { get; private set; } = null!;

    public IReadOnlyList<PupilInfo> Pupils { get; private set; } = [];

    public PupilInfo? Pupil { get; private set; }

    public PeriodChoice? Periods { get; private set; }

    public CompetencyReport? Report { get; private set; }

    [BindProperty(SupportsGet = true, Name = "eleve")]
    public Guid? PupilId { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public int? Period { get; set; }

    [BindProperty]
    public Dictionary<Guid, MasteryLevel?> Levels { get; set; } = [];

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Appreciation { get; set; }

    [BindProperty]
    public bool Share { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(groupId, cancellationToken))
        {
            return NotFound();
        }

        Date = tenant.Today(clock);
        Appreciation = Report?.Report?.Appreciation;
        return Page();
    }

    public async Task<IActionResult> OnPostAssessAsync(Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(groupId, cancellationToken) || Pupil is null)
        {
            return NotFound();
        }

        var outcome = await assess.HandleAsync(User, new AssessCompetenciesRequest(groupId, Pupil.Id, Date ?? tenant.Today(clock), Levels), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            return Page();
        }

        this.Flash(localizer["{0} compétence(s) évaluée(s).", outcome.Value]);
        return Redirect($"/evaluations/competences/{groupId}?eleve={Pupil.Id}&periode={Periods?.Chosen.Number}");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(groupId, cancellationToken) || Pupil is null || Periods is null)
        {
            return NotFound();
        }

        var outcome = await assess.WriteReportAsync(User, new WritePeriodReportRequest(groupId, Pupil.Id, Periods.Chosen.Number, Appreciation, Share), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            return Page();
        }

        this.Flash(outcome.Value!.SharedAt is null ? localizer["Bilan enregistré (brouillon)."] : localizer["Bilan enregistré et partagé avec la famille."]);
        return Redirect($"/evaluations/competences/{groupId}?eleve={Pupil.Id}&periode={Periods.Chosen.Number}");
    }

    private async Task<bool> LoadAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (await directory.GetClassGroupAsync(groupId, cancellationToken) is not { } group || !Visibility.CanTeach(actor, group) || Cycles.Of(group.Level) is not { } cycle)
        {
            return false;
        }

        Group = group;
        Pupils = await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken);
        Periods = await periods.ForSchoolAsync(group.SchoolId, Period, cancellationToken);
        Pupil = Pupils.FirstOrDefault(p => p.Id == PupilId);
        if (PupilId is not null && Pupil is null)
        {
            return false;
        }

        if (Pupil is not null && Periods is not null)
        {
            Report = await read.ReportAsync(Pupil.Id, group.Id, cycle, Periods.Chosen.StartsOn, Periods.Chosen.EndsOn, Periods.Chosen.Number, sharedOnly: false, cancellationToken);
        }

        return true;
    }
}
