using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Agenda;
using Preau.Communication.Data;
using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Public;

/// <summary>A public event (the public calendar feed links here).</summary>
[AllowAnonymous]
internal sealed class EventModel(PublicSite site) : PageModel
{
    public AgendaEvent Event { get; private set; } = null!;

    public string TerritoryName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        var e = territory is null ? null : await territory.Get<CommunicationDbContext>().AgendaEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.IsPublic, cancellationToken);
        if (e is null)
        {
            return NotFound();
        }

        Event = e;
        TerritoryName = territory!.Territory.Name;
        return Page();
    }
}
