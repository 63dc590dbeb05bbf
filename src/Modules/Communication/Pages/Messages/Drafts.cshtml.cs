using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Messages;

/// <summary>The account's drafts, newest first.</summary>
[Authorize(Policy = CommunicationPermissions.UseMessaging)]
internal sealed class DraftsModel(CommunicationDbContext db, IFileStore store, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        Drafts = await db.Drafts.AsNoTracking().Where(d => d.AuthorId == accountId).OrderByDescending(d => d.UpdatedAt).Take(100).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id && d.AuthorId == accountId, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        var files = await db.MessageAttachments.Where(a => a.DraftId == id && a.OwnerId == accountId).ToListAsync(cancellationToken);
        db.MessageAttachments.RemoveRange(files);
        db.Drafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in files)
        {
            await store.DeleteAsync(file.StorageKey, cancellationToken);
        }

        this.Flash(localizer["Brouillon supprimé."]);
        return RedirectToPage();
    }
}
