using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.FamilyServices.QuotientFamilial;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.QuotientFamilial;

/// <summary>
/// The entry of the quotient familial: a guardian goes to their household's page; the town's agent sees
/// the quotients to validate and finds a household by name.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class IndexModel(IHouseholdDirectory households, QuotientQueries queries) : PageModel
{
    public const int SearchResults = 20;

    public PageOf<QuotientFamilialRecord>? Pending { get; private set; }

    public IReadOnlyDictionary<Guid, string> HouseholdNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<HouseholdSummary> Found { get; private set; } = [];

    public IReadOnlyList<HouseholdSummary> OwnHouseholds { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "nom")]
    public string? Name { get; set; }

    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool IsAgent => User.HasAnyProfile(Profile.MunicipalAgent);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsAgent)
        {
            Pending = await queries.PendingAsync(PageNumber, cancellationToken);
            HouseholdNames = await households.NamesAsync(Pending.Items.Select(r => r.HouseholdId).Distinct().ToList(), cancellationToken);
            if (Name is { Length: >= 2 and <= 100 })
            {
                Found = await households.SearchAsync(Name, SearchResults, cancellationToken);
            }

            return Page();
        }

        if (!User.HasAnyProfile(Profile.Guardian))
        {
            return NotFound();
        }

        OwnHouseholds = await households.OfGuardianAsync(User.RequiredAccountId(), cancellationToken);
        return OwnHouseholds.Count == 1 ? Redirect($"/quotient-familial/foyer/{OwnHouseholds[0].Id}") : Page();
    }
}
