using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Agenda;
using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Public;

/// <summary>Public events as iCalendar: a school's (/t/{slug}/ecoles/{uai}/agenda.ics) or the whole territory's (/t/{slug}/agenda.ics).</summary>
[AllowAnonymous]
internal sealed class CalendarModel(PublicSite site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string? uai, CancellationToken cancellationToken)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        if (territory is null)
        {
            return NotFound();
        }

        var name = territory.Territory.Name;
        Guid? schoolId = null;
        if (uai is not null)
        {
            if (await territory.Get<PublicSchools>().FindAsync(uai, cancellationToken) is not { } school)
            {
                return NotFound();
            }

            (schoolId, name) = (school.Id, school.Name);
        }

        var calendar = await territory.Get<CalendarFeeds>().PublicAsync(name, schoolId, territory.Territory.Slug, cancellationToken);
        Response.Headers.CacheControl = "public, max-age=900";
        return Content(calendar, AgendaCalendar.ContentType);
    }
}
