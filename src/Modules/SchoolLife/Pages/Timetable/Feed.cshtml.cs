using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.Calendars;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>
/// The account's private calendar address: created, replaced or revoked here. The address is shown once,
/// right after it is made (only its hash is kept); a lost address is replaced by a new one.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class FeedModel(ManageCalendarFeed feeds, PublicLinks links, IStringLocalizer localizer) : PageModel
{
    public CalendarFeed? Feed { get; private set; }

    /// <summary>The address just made, shown once.</summary>
    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Feed = await feeds.FindAsync(User.RequiredAccountId(), cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var token = await feeds.IssueAsync(User.RequiredAccountId(), cancellationToken);
        NewAddress = links.Absolute(Request, CalendarFeedEndpoint.PathOf(token));
        Feed = await feeds.FindAsync(User.RequiredAccountId(), cancellationToken);
        // Shown in this answer only, never stored in clear nor carried in a redirect.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await feeds.RevokeAsync(User.RequiredAccountId(), cancellationToken);
        this.Flash(localizer["L’adresse de votre agenda est révoquée : les applications abonnées ne reçoivent plus rien."]);
        return RedirectToPage();
    }
}
