using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Platform.Files;

namespace Preau.Communication.Publishing;

/// <summary>
/// Uploads of news, blog posts and council documents: every file is inspected by content
/// (<see cref="UploadInspector"/>: size, type, antivirus); images are re-encoded without metadata
/// (<see cref="ImageCleaner"/>), documents are PDFs kept as they are. Nothing is stored until every
/// file of the form passed, so a refused file leaves nothing behind.
/// </summary>
internal sealed class PublishedFiles(UploadInspector inspector, IFileStore store, CommunicationDbContext db, IStringLocalizer localizer, TimeProvider clock)
{
    /// <summary>At most this many files per item.</summary>
    public const int MaxFilesPerItem = 10;

    private static readonly FileKind[] ImageKinds = [FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.Webp];
    private static readonly FileKind[] DocumentKinds = [.. ImageKinds, FileKind.Pdf];

    /// <summary>A checked upload, ready to store.</summary>
    public sealed record Checked(string FileName, string ContentType, byte[] Content, bool IsImage);

    /// <summary>Checks the uploads; returns them ready to store, or the French reasons to refuse them.</summary>
    public async Task<(IReadOnlyList<Checked> Files, IReadOnlyList<string> Errors)> CheckAsync(
        IEnumerable<IFormFile>? uploads, bool imagesOnly, int alreadyAttached, CancellationToken cancellationToken)
    {
        var files = new List<Checked>();
        var errors = new List<string>();
        var list = (uploads ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (list.Count + alreadyAttached > MaxFilesPerItem)
        {
            errors.Add(localizer["Joignez au plus {0} fichiers.", MaxFilesPerItem]);
            return (files, errors);
        }

        foreach (var upload in list)
        {
            var name = SafeName(upload.FileName);
            await using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            var check = await inspector.InspectAsync(buffer, imagesOnly ? ImageKinds : DocumentKinds, cancellationToken);
            if (!check.IsAccepted)
            {
                errors.Add($"{name} : {(imagesOnly && check.Kind != FileKind.Unknown ? localizer["seules les images (JPEG, PNG, GIF, WebP) sont acceptées."] : check.Error)}");
                continue;
            }

            if (check.Kind == FileKind.Pdf)
            {
                files.Add(new Checked(name, check.ContentType, buffer.ToArray(), IsImage: false));
                continue;
            }

            var image = ImageCleaner.Reencode(buffer.ToArray());
            if (image is null)
            {
                errors.Add($"{name} : {localizer["cette image n’a pas pu être lue. Enregistrez-la à nouveau en JPEG ou en PNG."]}");
                continue;
            }

            files.Add(new Checked(Path.ChangeExtension(name, image.Extension), image.ContentType, image.Content, IsImage: true));
        }

        return (files, errors);
    }

    /// <summary>Stores checked files and adds their rows (saved by the caller's SaveChanges).</summary>
    public async Task AttachAsync(IReadOnlyList<Checked> files, FileOwner owner, Guid ownerId, Guid uploaderId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in files)
        {
            await using var content = new MemoryStream(file.Content, writable: false);
            var key = await store.SaveAsync(content, cancellationToken);
            db.PublishedFiles.Add(new PublishedFile
            {
                Owner = owner,
                OwnerId = ownerId,
                FileKey = key,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Length = file.Content.Length,
                IsImage = file.IsImage,
                UploadedById = uploaderId,
                CreatedAt = now,
            });
        }
    }

    /// <summary>The files of some items, in upload order.</summary>
    public async Task<ILookup<Guid, PublishedFile>> ListAsync(FileOwner owner, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken)
    {
        if (ownerIds.Count == 0)
        {
            return Array.Empty<PublishedFile>().ToLookup(f => f.OwnerId);
        }

        var files = await db.PublishedFiles.AsNoTracking()
            .Where(f => f.Owner == owner && ownerIds.Contains(f.OwnerId))
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return files.ToLookup(f => f.OwnerId);
    }

    /// <summary>Removes one file of an item (row now, bytes after the commit).</summary>
    public async Task<bool> RemoveAsync(FileOwner owner, Guid ownerId, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.PublishedFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.Owner == owner && f.OwnerId == ownerId, cancellationToken);
        if (file is null)
        {
            return false;
        }

        db.PublishedFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(file.FileKey, cancellationToken);
        return true;
    }

    /// <summary>Removes every file of an item (after the item itself was deleted).</summary>
    public async Task RemoveAllAsync(FileOwner owner, Guid ownerId, CancellationToken cancellationToken)
    {
        var files = await db.PublishedFiles.Where(f => f.Owner == owner && f.OwnerId == ownerId).ToListAsync(cancellationToken);
        db.PublishedFiles.RemoveRange(files);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in files)
        {
            await store.DeleteAsync(file.FileKey, cancellationToken);
        }
    }

    /// <summary>Opens a file's bytes.</summary>
    public Task<Stream?> OpenAsync(PublishedFile file, CancellationToken cancellationToken) => store.OpenReadAsync(file.FileKey, cancellationToken);

    /// <summary>The name shown and offered for download: no path, no control character, bounded.</summary>
    public static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "fichier";
        }

        return clean.Length > 120 ? clean[..120] : clean;
    }
}
