using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Communication.Agenda;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Agenda;

/// <summary>The person's secret calendar address, to subscribe from a phone or desktop calendar; reset at will.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class SubscribeModel(CalendarFeeds feeds, PublicLinks links, IStringLocalizer localizer) : PageModel
{
    public string FeedUrl { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        FeedUrl = links.Absolute(Request, $"/agenda/flux/{await feeds.TokenOfAsync(User.RequiredAccountId(), reset: false, cancellationToken)}.ics");

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        await feeds.TokenOfAsync(User.RequiredAccountId(), reset: true, cancellationToken);
        this.Flash(localizer["Une nouvelle adresse est créée ; l’ancienne ne fonctionne plus."]);
        return RedirectToPage();
    }
}
