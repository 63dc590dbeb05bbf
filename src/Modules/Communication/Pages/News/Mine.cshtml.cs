using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.News;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.News;

/// <summary>The author's own news, whatever their state (drafts, pending, refused, published, withdrawn).</summary>
[Authorize(Policy = CommunicationPermissions.PublishNews)]
internal sealed class MineModel(ListNews list) : PageModel
{
    public PageOf<NewsSummary> News { get; private set; } = new([], 1, ListNews.PageSize, 0);

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        News = await list.ByAuthorAsync(User.RequiredAccountId(), page, cancellationToken);
}
