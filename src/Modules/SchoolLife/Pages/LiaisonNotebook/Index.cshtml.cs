using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.LiaisonNotebook;

namespace Preau.SchoolLife.Pages.LiaisonNotebook;

/// <summary>The liaison notebook: notes received (guardians) and notes sent with their follow-up (staff).</summary>
[Authorize(Policy = SchoolLifePermissions.ReadNotes)]
internal sealed class IndexModel(ReadNotes notes, IAccountRelations relations) : PageModel
{
    public PageOf<NoteSummary>? Received { get; private set; }

    public PageOf<NoteSummary>? Sent { get; private set; }

    public bool CanSend { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (User.HasAnyProfile(Profile.Guardian))
        {
            Received = await notes.ReceivedAsync(actor.AccountId, page, cancellationToken);
        }

        CanSend = User.HasAnyProfile(Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff);
        if (CanSend)
        {
            Sent = await notes.SentAsync(actor, page, cancellationToken);
        }
    }
}
