using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Agenda;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Agenda;

/// <summary>The reader's agenda: events of their classes, schools and town, upcoming first.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class IndexModel(ListEvents list, Readership readership, IAuthorizationService authorization) : PageModel
{
    public PageOf<EventSummary> Events { get; private set; } = new([], 1, ListEvents.PageSize, 0);

    public bool Past { get; private set; }

    public bool CanOrganize { get; private set; }

    public async Task OnGetAsync([FromQuery] bool passes = false, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        Past = passes;
        var reader = await readership.ForUserAsync(User, cancellationToken);
        Events = await list.ForReaderAsync(reader, passes, page, cancellationToken);
        CanOrganize = (await authorization.AuthorizeAsync(User, CommunicationPermissions.OrganizeEvents)).Succeeded;
    }
}
