using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Identity.Data;
using Preau.Platform.Files;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Imports;

/// <summary>
/// Receives a roster: checks its size and its type by content (a zip or text, scanned by ClamAV when it is
/// configured), stores it through <see cref="IFileStore"/> under a random key, and queues its analysis.
/// </summary>
internal sealed class StartImport(IdentityDbContext db, UploadInspector inspector, IFileStore store, IOptions<ImportOptions> options, TimeProvider clock, TenantContext tenant, ImportSignal signal, IStringLocalizer localizer)
{
    /// <summary>The new run, or why the file was refused (translated).</summary>
    public sealed record Result(Guid? RunId, string? Error);

    /// <summary>Starts an import of a seekable upload into the whole territory (<paramref name="schoolId"/> null) or one school.</summary>
    public async Task<Result> StartAsync(Guid uploadedBy, Stream content, string fileName, Guid? schoolId, CancellationToken cancellationToken)
    {
        var start = new byte[2];
        var read = await content.ReadAtLeastAsync(start, 2, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        if (read == 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
        {
            return new Result(null, localizer[RosterText.Utf16, SafeFileName(fileName)]);
        }

        var check = await inspector.InspectAsync(content, [FileKind.Text, FileKind.Zip], options.Value.MaxUploadBytes, cancellationToken);
        if (!check.IsAccepted)
        {
            return new Result(null, check.Kind is FileKind.Unknown && content.Length > 0 && content.Length <= options.Value.MaxUploadBytes
                ? localizer[ImportRoster.NotARoster]
                : check.Error);
        }

        var key = await store.SaveAsync(content, cancellationToken);
        var run = new ImportRun
        {
            TerritoryId = tenant.RequiredTerritoryId,
            SchoolId = schoolId,
            Format = check.Kind == FileKind.Zip ? ImportFormat.OneRoster : ImportFormat.FrenchCsv,
            FileName = SafeFileName(fileName),
            FileKey = key,
            UploadedBy = uploadedBy,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = ImportStatus.Analysing,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return new Result(run.Id, null);
    }

    /// <summary>The name shown in the history: the last segment only, without control characters, 100 characters at most.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = new string(fileName.Replace('\\', '/').Split('/')[^1].Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "fichier";
        }

        return name.Length > 100 ? name[..100] : name;
    }
}
