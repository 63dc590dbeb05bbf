using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Messaging;
using Preau.Platform.Authorization;

namespace Preau.Communication.Pages.Messages;

/// <summary>The mailbox: inbox, sent, archives and labels, with a search in one's own messages.</summary>
[Authorize(Policy = CommunicationPermissions.UseMessaging)]
internal sealed class IndexModel(Mailbox mailbox, IAuthorizationService authorization) : PageModel
{
    public MailboxPage Conversations { get; private set; } = new([], 1, HasNextPage: false);

    public MailboxView View { get; private set; }

    public IReadOnlyList<MailboxLabel> Labels { get; private set; } = [];

    public Guid? LabelId { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public int Drafts { get; private set; }

    public bool CanModerate { get; private set; }

    public bool CanManageRules { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "dossier")] string? folder, [FromQuery(Name = "etiquette")] Guid? label, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var accountId = User.RequiredAccountId();
        Labels = await mailbox.LabelsAsync(accountId, cancellationToken);
        View = folder switch { "envoyes" => MailboxView.Sent, "archives" => MailboxView.Archive, _ => label is null ? MailboxView.Inbox : MailboxView.Label };
        if (View == MailboxView.Label && !Labels.Any(l => l.Id == label))
        {
            return NotFound();
        }

        LabelId = label;
        Search = Search is { Length: > 200 } ? Search[..200] : Search;
        Conversations = await mailbox.ListAsync(accountId, View, label, Search, page, cancellationToken);
        Drafts = await mailbox.DraftCountAsync(accountId);
        CanModerate = (await authorization.AuthorizeAsync(User, CommunicationPermissions.ModerateMessaging)).Succeeded;
        CanManageRules = (await authorization.AuthorizeAsync(User, CommunicationPermissions.ManageRules)).Succeeded;
        return Page();
    }
}
