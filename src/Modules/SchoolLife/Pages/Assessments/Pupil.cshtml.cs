using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Assessments;

/// <summary>
/// A pupil's results for a period: in secondary school the report (bulletin) with marks, averages, the
/// class's spread and appreciations; in primary school the competencies and the periodic report, which
/// guardians acknowledge. Only the pupil, their guardians and their school's staff see it.
/// </summary>
// Signed in only: the pupil's records decide who reads them, everyone else gets 404.
[Authorize(Policy = Policies.SignedIn)]
internal sealed class PupilModel(
    PupilRecordsLoader loader,
    IAuthorizationService authorization,
    ReadAssessments assessments,
    ReadCompetencies competencies,
    AssessCompetencies primary,
    AssessmentPeriods periods,
    IAccountRelations relations,
    IStructureDirectory directory,
    IStringLocalizer localizer) : PageModel
{
    public PupilInfo Pupil { get; private set; } = null!;

    public PeriodChoice? Periods { get; private set; }

    public PupilReport? Report { get; private set; }

    public CompetencyReport? Competencies { get; private set; }

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public bool CanAcknowledge { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid pupilId, [FromQuery(Name = "periode")] int? period, CancellationToken cancellationToken) =>
        await LoadAsync(pupilId, period, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid pupilId, [FromQuery(Name = "periode")] int? period, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(pupilId, period, cancellationToken) || Competencies?.Report is not { } report)
        {
            return NotFound();
        }

        var outcome = await primary.AcknowledgeReportAsync(User, report.Id, cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            return Page();
        }

        this.Flash(localizer["Merci : vous avez pris connaissance du bilan."]);
        return Redirect($"/evaluations/eleve/{pupilId}?periode={Periods!.Chosen.Number}");
    }

    private async Task<bool> LoadAsync(Guid pupilId, int? period, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(pupilId, SchoolLifeArea.Assessments, cancellationToken) is not { } loaded
            || !await authorization.CanAsync(User, loaded.Records, ResourceAuthorization.Read)
            || loaded.Pupil.SchoolId is not { } schoolId)
        {
            return false;
        }

        Pupil = loaded.Pupil;
        Periods = await periods.ForSchoolAsync(schoolId, period, cancellationToken);
        if (Periods is null)
        {
            return true;
        }

        var chosen = Periods.Chosen;
        var mainClass = Pupil.ClassId is { } classId ? await directory.GetClassGroupAsync(classId, cancellationToken) : null;
        if (mainClass is not null && Cycles.Of(mainClass.Level) is { } cycle && mainClass.Level != "6e")
        {
            var actor = await relations.ForUserAsync(User, cancellationToken);
            var isFamily = actor.IsGuardianOf(pupilId) || actor.AccountId == pupilId;
            Competencies = await competencies.ReportAsync(pupilId, mainClass.Id, cycle, chosen.StartsOn, chosen.EndsOn, chosen.Number, sharedOnly: isFamily, cancellationToken);
            CanAcknowledge = actor.IsGuardianOf(pupilId) && Competencies.Report is { SharedAt: not null } && Competencies.Acknowledgements.All(a => a.GuardianId != actor.AccountId);
            Names = (await directory.GetPeopleAsync(Competencies.Acknowledgements.Select(a => a.GuardianId), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        }
        else
        {
            Report = await assessments.ReportAsync(pupilId, loaded.Records.GroupIds, chosen.StartsOn, chosen.EndsOn, chosen.Number, cancellationToken);
        }

        return true;
    }
}
