using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Structures;
using Preau.Platform.Files;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Territories;

/// <summary>
/// The territory's logo: PNG or JPEG recognised by content, at most 500 KB. SVG is refused: an SVG
/// file may carry script and external references, and the header shows the logo on every page.
/// </summary>
internal sealed class ChangeTerritoryLogo(IdentityDbContext db, UploadInspector inspector, IFileStore files, AuditLog audit, TimeProvider clock, IMemoryCache cache)
{
    public const int MaxBytes = 500 * 1024;

    private static readonly FileKind[] Accepted = [FileKind.Png, FileKind.Jpeg];

    public async Task<ChangeResult> UploadAsync(Guid actorId, Stream upload, long length, CancellationToken cancellationToken)
    {
        if (length > MaxBytes)
        {
            return ChangeResult.Refused("Logo", Fr("Le logo dépasse 500 Ko : réduisez l’image (250 pixels de haut suffisent)."));
        }

        using var content = new MemoryStream();
        await upload.CopyToAsync(content, cancellationToken);
        var check = await inspector.InspectAsync(content, Accepted, cancellationToken);
        if (!check.IsAccepted)
        {
            return ChangeResult.Refused("Logo", check.Kind == FileKind.Text
                ? Fr("Les logos SVG ou texte ne sont pas acceptés, car ils peuvent contenir du script : envoyez une image PNG ou JPEG.")
                : check.Error!);
        }

        var key = await files.SaveAsync(content, cancellationToken);
        var territory = await db.Territories.SingleAsync(cancellationToken);
        var previous = territory.LogoKey;
        territory.LogoKey = key;
        territory.LogoContentType = check.ContentType;
        territory.LogoChangedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(territory.Id, AuditAction.StructureChanged, actorId, territory.Id, "Logo du territoire changé");
        await db.SaveChangesAsync(cancellationToken);
        StructureDirectory.ForgetTerritory(cache, territory.Id);
        if (previous is not null)
        {
            await files.DeleteAsync(previous, cancellationToken);
        }

        return ChangeResult.Done;
    }

    public async Task RemoveAsync(Guid actorId, CancellationToken cancellationToken)
    {
        var territory = await db.Territories.SingleAsync(cancellationToken);
        if (territory.LogoKey is not { } key)
        {
            return;
        }

        territory.LogoKey = null;
        territory.LogoContentType = null;
        territory.LogoChangedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(territory.Id, AuditAction.StructureChanged, actorId, territory.Id, "Logo du territoire retiré");
        await db.SaveChangesAsync(cancellationToken);
        StructureDirectory.ForgetTerritory(cache, territory.Id);
        await files.DeleteAsync(key, cancellationToken);
    }
}
