using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Platform.Files;
using Preau.Platform.Web;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Pages.Assessments;

/// <summary>The territory administrator imports the curriculum's competencies (CSV, docs/curriculum.md) or loads the default one.</summary>
[Authorize(Policy = SchoolLifePermissions.ManageCurriculum)]
[GenerousFormLimits]
internal sealed class CurriculumModel(ImportCurriculum import, SchoolLifeDbContext db, UploadInspector inspector, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<(int Cycle, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var upload = await FormFiles.ReadAsync(Upload, cancellationToken);
        if (upload is null)
        {
            ModelState.AddModelError(nameof(Upload), localizer["Choisissez un fichier CSV."]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using var content = upload.Content;
        var check = await inspector.InspectAsync(content, [FileKind.Text], cancellationToken);
        if (!check.IsAccepted)
        {
            ModelState.AddModelError(nameof(Upload), check.Error!);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return await ImportAsync(content, cancellationToken);
    }

    public async Task<IActionResult> OnPostDefaultAsync(CancellationToken cancellationToken)
    {
        await using var content = ImportCurriculum.OpenDefault();
        return await ImportAsync(content, cancellationToken);
    }

    private async Task<IActionResult> ImportAsync(Stream content, CancellationToken cancellationToken)
    {
        var outcome = await import.HandleAsync(content, cancellationToken);
        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = outcome.Value!;
        this.Flash(localizer["Référentiel importé : {0} ajoutée(s), {1} modifiée(s), {2} retirée(s).", result.Added, result.Updated, result.Retired]);
        return Redirect("/evaluations/referentiel");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Counts = (await db.Competencies.AsNoTracking().Where(c => !c.IsRetired).GroupBy(c => c.Cycle).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .OrderBy(c => c.Key).Select(c => (c.Key, c.Count)).ToList();
}
