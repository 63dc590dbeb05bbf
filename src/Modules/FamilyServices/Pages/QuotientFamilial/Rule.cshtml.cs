using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.QuotientFamilial;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.QuotientFamilial;

/// <summary>The agent edits the town's parts table (the rule of the computed quotient).</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageQuotients)]
internal sealed class RuleModel(QuotientQueries queries, SaveQuotientRule save, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rule = await queries.RuleAsync(cancellationToken);
        Input = new RuleInput
        {
            CoupleParts = Amounts.Format(rule.CoupleParts, false),
            SingleParentParts = Amounts.Format(rule.SingleParentParts, false),
            FirstChildrenParts = Amounts.Format(rule.FirstChildrenParts, false),
            FurtherChildParts = Amounts.Format(rule.FurtherChildParts, false),
            DisabledChildExtraParts = Amounts.Format(rule.DisabledChildExtraParts, false),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, decimal>();
        foreach (var (field, text) in new[]
                 {
                     (nameof(RuleInput.CoupleParts), Input.CoupleParts), (nameof(RuleInput.SingleParentParts), Input.SingleParentParts),
                     (nameof(RuleInput.FirstChildrenParts), Input.FirstChildrenParts), (nameof(RuleInput.FurtherChildParts), Input.FurtherChildParts),
                     (nameof(RuleInput.DisabledChildExtraParts), Input.DisabledChildExtraParts),
                 })
        {
            if (!Amounts.TryParse(text, out var value) || value is null)
            {
                ModelState.AddModelError("Input." + field, localizer["Saisissez un nombre de parts, par exemple 0,5."]);
            }
            else
            {
                values[field] = value.Value;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var proposed = new QuotientRule
        {
            CoupleParts = values[nameof(RuleInput.CoupleParts)],
            SingleParentParts = values[nameof(RuleInput.SingleParentParts)],
            FirstChildrenParts = values[nameof(RuleInput.FirstChildrenParts)],
            FurtherChildParts = values[nameof(RuleInput.FurtherChildParts)],
            DisabledChildExtraParts = values[nameof(RuleInput.DisabledChildExtraParts)],
        };
        var errors = await save.HandleAsync(proposed, User.RequiredAccountId(), cancellationToken);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        this.Flash(localizer["Règle de calcul des parts enregistrée. Les quotients déjà calculés gardent leurs parts."]);
        return Redirect("/quotient-familial/regle");
    }
}

internal sealed class RuleInput
{
    public string? CoupleParts { get; set; }

    public string? SingleParentParts { get; set; }

    public string? FirstChildrenParts { get; set; }

    public string? FurtherChildParts { get; set; }

    public string? DisabledChildExtraParts { get; set; }
}
