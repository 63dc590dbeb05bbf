using System.Globalization;
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

/// <summary>The marks of one assessment: typed per pupil (or absent, exempt, not graded), saved as a draft or published.</summary>
// Signed in only: the assessment decides who enters its marks (its teacher, the head), everyone else gets 404.
[Authorize(Policy = Policies.SignedIn)]
[GenerousFormLimits]
internal sealed class MarksModel(RecordMarks record, ReadAssessments read, IAccountRelations relations, IStringLocalizer localizer) : PageModel
{
    public MarkSheet Sheet { get; private set; } = null!;

    [BindProperty]
    public Dictionary<Guid, MarkStatus> Status { get; set; } = [];

    [BindProperty]
    public Dictionary<Guid, string?> Value { get; set; } = [];

    [BindProperty]
    public bool Publish { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public static IReadOnlyList<(MarkStatus Status, string Label)> Statuses { get; } =
    [
        (MarkStatus.Graded, Platform.Localization.Text.Fr("Noté")),
        (MarkStatus.Absent, Platform.Localization.Text.Fr("Absent")),
        (MarkStatus.Exempt, Platform.Localization.Text.Fr("Dispensé")),
        (MarkStatus.NotGraded, Platform.Localization.Text.Fr("Non noté")),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Sheet.Assessment.Version;
        foreach (var (pupilId, mark) in Sheet.Marks)
        {
            Status[pupilId] = mark.Status;
            Value[pupilId] = mark.Value?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var lines = Status.Select(s => new MarkLine(s.Key, s.Value, Value.GetValueOrDefault(s.Key))).ToList();
        var outcome = await record.HandleAsync(User, new RecordMarksRequest(id, lines, Publish, Version), cancellationToken);
        if (outcome.IsNotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            ModelState.Remove(nameof(Version));
            Version = Sheet.Assessment.Version;
            return Page();
        }

        this.Flash(Sheet.Assessment.PublishedAt is null ? localizer["Notes enregistrées (brouillon : les familles ne les voient pas encore)."] : localizer["Notes enregistrées et publiées."]);
        return Redirect($"/evaluations/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await read.FindAsync(id, cancellationToken) is not { } assessment
            || await read.SheetAsync(assessment, cancellationToken) is not { } sheet)
        {
            return false;
        }

        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (!Visibility.CanTeach(actor, sheet.Group) || (assessment.TeacherId != actor.AccountId && !actor.Heads(sheet.Group.SchoolId)))
        {
            return false;
        }

        Sheet = sheet;
        return true;
    }
}
