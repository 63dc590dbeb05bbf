using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Catchment;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>The town's catchment map: streets and number ranges (odd, even, all) or named areas, per school and level.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageCatchment)]
internal sealed class MapModel(FamilyServicesDbContext db, EditCatchment edit, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "ecole")]
    public Guid? SchoolFilter { get; set; }

    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PageOf<CatchmentRule> Rules { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, SchoolInfo> Schools { get; private set; } = new Dictionary<Guid, SchoolInfo>();

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> SchoolItems => Schools.Values.OrderBy(s => s.Name).Select(s => new SelectListItem(s.Name, s.Id.ToString()));

    public IEnumerable<SelectListItem> LevelItems =>
    [
        new(localizer["Maternelle et élémentaire"], nameof(SchoolLevel.Both)),
        new(localizer["Maternelle"], nameof(SchoolLevel.Maternelle)),
        new(localizer["Élémentaire"], nameof(SchoolLevel.Elementaire)),
    ];

    public IEnumerable<SelectListItem> ParityItems =>
    [
        new(localizer["Tous les numéros"], nameof(NumberParity.All)),
        new(localizer["Numéros impairs"], nameof(NumberParity.Odd)),
        new(localizer["Numéros pairs"], nameof(NumberParity.Even)),
    ];

    public IEnumerable<SelectListItem> KindItems =>
    [
        new(localizer["Une voie"], nameof(CatchmentRuleKind.Street)),
        new(localizer["Un secteur nommé"], nameof(CatchmentRuleKind.Area)),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var rule = new CatchmentRule
            {
                SchoolId = Input.SchoolId ?? Guid.Empty,
                Kind = Input.Kind,
                Name = Input.Name ?? string.Empty,
                Levels = Input.Levels,
                Parity = Input.Parity,
                FromNumber = Input.FromNumber,
                ToNumber = Input.ToNumber,
            };
            foreach (var error in await edit.AddRuleAsync(rule, cancellationToken))
            {
                ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        this.Flash(localizer["Règle ajoutée à la carte scolaire."]);
        return Redirect($"/carte-scolaire?ecole={Input.SchoolId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid ruleId, CancellationToken cancellationToken)
    {
        if (!await edit.DeleteRuleAsync(ruleId, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(localizer["Règle supprimée."]);
        return Redirect(SchoolFilter is { } school ? $"/carte-scolaire?ecole={school}" : "/carte-scolaire");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Schools = (await directory.ListSchoolsAsync(cancellationToken)).ToDictionary(s => s.Id);
        var query = db.CatchmentRules.AsNoTracking().Where(r => SchoolFilter == null || r.SchoolId == SchoolFilter);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(r => r.NormalizedName).ThenBy(r => r.FromNumber).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Rules = new PageOf<CatchmentRule>(items, page, PageSize, total);
        Input.SchoolId ??= SchoolFilter;
    }
}

internal sealed class RuleInput
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Choisissez une école du territoire.")]
    public Guid? SchoolId { get; set; }

    public CatchmentRuleKind Kind { get; set; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le nom de la voie.")]
    [System.ComponentModel.DataAnnotations.StringLength(StreetNames.MaxLength, ErrorMessage = "Le nom de la voie ne dépasse pas 200 caractères.")]
    public string? Name { get; set; }

    public SchoolLevel Levels { get; set; } = SchoolLevel.Both;

    public NumberParity Parity { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, HouseNumbers.Maximum, ErrorMessage = "Un numéro est compris entre 1 et 99999.")]
    public int? FromNumber { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, HouseNumbers.Maximum, ErrorMessage = "Un numéro est compris entre 1 et 99999.")]
    public int? ToNumber { get; set; }
}
