using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Data;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Imports;

/// <summary>
/// One import: its progress while it is analysed or applied, then its report (what would change, or what
/// changed) with every rejected line, and the buttons to apply or abandon it. An import that is not the
/// user's (another school, another territory, another profile) is not found.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class RunModel(IdentityDbContext db, IAuthorizationService authorization, ListImports imports, ApplyImport applyImport, AbandonImport abandonImport, IStringLocalizer localizer) : PageModel
{
    public ImportRun Run { get; private set; } = null!;

    public ImportReport Report { get; private set; } = new();

    public PageOf<ImportRejection> Rejections { get; private set; } = new([], 1, 50, 0);

    public string? SchoolName { get; private set; }

    public string? UploaderName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] int page, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ResourceAuthorization.Read, cancellationToken))
        {
            return NotFound();
        }

        Report = ImportReport.FromJson(Run.ReportJson);
        Rejections = await imports.RejectionsAsync(id, page, cancellationToken);
        SchoolName = Run.SchoolId is null ? null : await db.Schools.Where(s => s.Id == Run.SchoolId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        UploaderName = await db.Accounts.Where(a => a.Id == Run.UploadedBy).Select(a => a.FirstName + " " + a.LastName).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }

    /// <summary>The progress, for the page's script (the page itself works without it: "Actualiser").</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ResourceAuthorization.Read, cancellationToken))
        {
            return NotFound();
        }

        return new JsonResult(new { status = Run.Status.ToString(), processed = Run.ProcessedLines, total = Run.TotalLines, text = ProgressText });
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ResourceAuthorization.Manage, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(await applyImport.ApplyAsync(id, User.RequiredAccountId(), cancellationToken)
            ? localizer["L’application de l’import a commencé : toutes les modifications seront enregistrées ensemble, ou aucune."]
            : localizer["Cet import n’est plus prêt à être appliqué (il l’a peut-être déjà été) : voici son état actuel."]);
        return Redirect($"/imports/{id}");
    }

    public async Task<IActionResult> OnPostAbandonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ResourceAuthorization.Manage, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(await abandonImport.AbandonAsync(id, cancellationToken)
            ? localizer["L’import est abandonné : rien n’a été modifié et le fichier déposé est supprimé."]
            : localizer["Cet import ne peut plus être abandonné : voici son état actuel."]);
        return Redirect($"/imports/{id}");
    }

    /// <summary>"12 000 lignes lues sur 250 000", or the changes written while applying.</summary>
    public string ProgressText => Run.TotalLines == 0
        ? localizer["En attente…"]
        : Run.Status == ImportStatus.Applying
            ? localizer["{0} modifications enregistrées sur {1}", Run.ProcessedLines.ToString("N0"), Run.TotalLines.ToString("N0")]
            : localizer["{0} lignes lues sur {1}", Run.ProcessedLines.ToString("N0"), Run.TotalLines.ToString("N0")];

    private async Task<bool> LoadAsync(Guid id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || !await authorization.CanAsync(User, run, operation))
        {
            return false;
        }

        Run = run;
        return true;
    }
}
