using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Messaging;

namespace Preau.Communication.Pages.Messages;

/// <summary>Serves an attachment to those who may read its message (404 to anyone else), as a download.</summary>
[Authorize(Policy = CommunicationPermissions.UseMessaging)]
internal sealed class AttachmentModel(Attachments attachments) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await attachments.OpenAsync(User, id, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        // A download, never rendered in place: a file cannot run script in Préau's origin.
        return File(file.Content, file.ContentType, file.FileName);
    }
}
