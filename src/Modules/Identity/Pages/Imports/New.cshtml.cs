using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Identity.Contracts;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Imports;

/// <summary>Upload of a roster: the whole territory (administrator) or one school (administrator, or the head of it).</summary>
[Authorize(Policy = IdentityPermissions.ImportRosters)]
[RosterUploadLimit]
internal sealed class NewModel(StartImport start, IAccountRelations relations, IStructureDirectory directory, IAuthorizationService authorization, IOptions<ImportOptions> options, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    /// <summary>Whether the user imports for the territory (else: only the schools they head).</summary>
    public bool IsTerritoryAdmin { get; private set; }

    public IReadOnlyList<SelectListItem> HeadedSchools { get; private set; } = [];

    public long MaxMegabytes => options.Value.MaxUploadBytes / (1024 * 1024);

    public async Task OnGetAsync([FromQuery(Name = "erreur")] string? error, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (error == "taille")
        {
            ModelState.AddModelError("Input.File", localizer["Le fichier dépasse la taille maximale de {0} Mo.", MaxMegabytes]);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var schools = await LoadAsync(cancellationToken);
        Guid? schoolId = null;
        var uai = Input.School?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(uai))
        {
            schoolId = schools.FirstOrDefault(s => s.Uai == uai)?.Id;
            if (schoolId is null)
            {
                ModelState.AddModelError("Input.School", localizer["Aucun établissement actif du territoire n’a ce code UAI."]);
            }
        }

        if (ModelState.IsValid && !await authorization.CanAsync(User, new ImportTarget(schoolId), ResourceAuthorization.Manage))
        {
            ModelState.AddModelError("Input.School", IsTerritoryAdmin ? localizer["Vous ne pouvez pas importer dans cet établissement."] : localizer["Choisissez l’un des établissements que vous dirigez."]);
        }

        if (Input.File is null)
        {
            ModelState.AddModelError("Input.File", localizer["Choisissez le fichier à importer (archive zip OneRoster ou fichier CSV)."]);
        }
        else if (Input.File.Length == 0)
        {
            ModelState.AddModelError("Input.File", localizer["Le fichier est vide."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        StartImport.Result result;
        await using (var stream = Input.File!.OpenReadStream())
        {
            result = await start.StartAsync(User.RequiredAccountId(), stream, Input.File.FileName, schoolId, cancellationToken);
        }

        if (result.Error is not null)
        {
            ModelState.AddModelError("Input.File", result.Error);
            return Page();
        }

        this.Flash(localizer["Le fichier est déposé et son analyse a commencé. Rien ne change tant que vous n’appliquez pas l’import."]);
        return Redirect($"/imports/{result.RunId}");
    }

    private async Task<IReadOnlyList<SchoolInfo>> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        IsTerritoryAdmin = actor.IsTerritoryAdmin;
        var schools = await directory.ListSchoolsAsync(cancellationToken);
        HeadedSchools = schools.Where(s => actor.Heads(s.Id)).Select(s => new SelectListItem($"{s.Name} ({s.Uai})", s.Uai)).ToList();
        return schools;
    }
}

internal sealed class ImportInput
{
    public IFormFile? File { get; set; }

    /// <summary>The UAI of the school to import into; empty for the whole territory.</summary>
    public string? School { get; set; }
}
