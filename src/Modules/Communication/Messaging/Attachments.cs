using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Communication.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Files;

namespace Preau.Communication.Messaging;

/// <summary>
/// Files attached to messages: checked by content and size (<see cref="UploadInspector"/>), stored under a
/// random key, served only to those who may read the message (or to the draft's author).
/// </summary>
internal sealed class Attachments(
    CommunicationDbContext db,
    UploadInspector inspector,
    IFileStore store,
    IOptions<Platform.Files.FileOptions> options,
    ConversationResources resources,
    IAuthorizationService authorization,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    private static readonly FileKind[] Allowed = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.Webp, FileKind.Text];

    /// <summary>Adds a file to a draft of its owner; returns an error, or null.</summary>
    public async Task<string?> AddToDraftAsync(Guid ownerId, Guid draftId, IFormFile file, CancellationToken cancellationToken)
    {
        if (await db.MessageAttachments.CountAsync(a => a.DraftId == draftId && a.OwnerId == ownerId, cancellationToken) >= MessageAttachment.MaxPerMessage)
        {
            return localizer["{0} pièces jointes au plus par message.", MessageAttachment.MaxPerMessage];
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return localizer["Le fichier dépasse la taille maximale de {0} Mo.", options.Value.MaxUploadBytes / (1024 * 1024)];
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var check = await inspector.InspectAsync(content, Allowed, cancellationToken);
        if (!check.IsAccepted)
        {
            return check.Error;
        }

        var key = await store.SaveAsync(content, cancellationToken);
        var name = Path.GetFileName(file.FileName ?? string.Empty).Trim();
        db.MessageAttachments.Add(new MessageAttachment
        {
            OwnerId = ownerId,
            DraftId = draftId,
            FileName = name.Length is > 0 and <= 200 ? name : localizer["pièce jointe"],
            ContentType = check.ContentType,
            Size = content.Length,
            StorageKey = key,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Opens an attachment the user may read, or null (the page answers 404).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)?> OpenAsync(ClaimsPrincipal user, Guid attachmentId, CancellationToken cancellationToken)
    {
        var userId = user.RequiredAccountId();
        var attachment = await db.MessageAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        if (attachment.MessageId is { } messageId)
        {
            var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.ConversationId, m.Status, m.AuthorId }).FirstOrDefaultAsync(cancellationToken);
            var resource = message is null ? null : await resources.LoadAsync(message.ConversationId, userId, cancellationToken);
            if (message is null || resource is null || !await authorization.CanAsync(user, resource, ResourceAuthorization.Read)
                || (message.Status != MessageStatus.Sent && message.AuthorId != userId))
            {
                return null;
            }
        }
        else if (attachment.OwnerId != userId)
        {
            return null;
        }

        var stream = await store.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return stream is null ? null : (stream, attachment.ContentType, attachment.FileName);
    }

    /// <summary>The files of a draft.</summary>
    public async Task<IReadOnlyList<AttachmentView>> OfDraftAsync(Guid ownerId, Guid draftId, CancellationToken cancellationToken) =>
        await db.MessageAttachments.AsNoTracking().Where(a => a.DraftId == draftId && a.OwnerId == ownerId)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.Size)).ToListAsync(cancellationToken);
}
