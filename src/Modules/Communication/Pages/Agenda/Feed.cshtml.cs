using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Agenda;
using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Agenda;

/// <summary>A person's private calendar feed, reached by its secret address (calendar apps have no session).</summary>
[AllowAnonymous]
internal sealed class FeedModel(CalendarFeeds feeds, PublicSite site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await feeds.FindAsync(token, cancellationToken) is not { } holder)
        {
            return NotFound();
        }

        await using var territory = await site.OpenAsync(holder.TerritoryId, cancellationToken);
        if (territory is null)
        {
            return NotFound();
        }

        var reader = await territory.Get<Readership>().ForAccountAsync(holder.AccountId, cancellationToken);
        if (!reader.IsSignedIn)
        {
            return NotFound();
        }

        var calendar = await territory.Get<CalendarFeeds>().PersonalAsync(reader, $"Préau – {territory.Territory.Name}", cancellationToken);
        Response.Headers.CacheControl = "private, max-age=900";
        return Content(calendar, AgendaCalendar.ContentType);
    }
}
