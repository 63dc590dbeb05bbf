using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.News;

/// <summary>The news a reader sees: their children's classes and schools, the territory's, newest first.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class IndexModel(ListNews list, Readership readership, IAuthorizationService authorization) : PageModel
{
    public PageOf<NewsSummary> News { get; private set; } = new([], 1, ListNews.PageSize, 0);

    public bool CanPublish { get; private set; }

    public bool CanApprove { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var reader = await readership.ForUserAsync(User, cancellationToken);
        News = await list.ForReaderAsync(reader, page, cancellationToken);
        CanPublish = (await authorization.AuthorizeAsync(User, CommunicationPermissions.PublishNews)).Succeeded;
        CanApprove = (await authorization.AuthorizeAsync(User, CommunicationPermissions.ApproveNews)).Succeeded;
    }
}
