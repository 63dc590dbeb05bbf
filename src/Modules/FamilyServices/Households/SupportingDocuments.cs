using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Communication.Contracts;
using Preau.FamilyServices.Data;
using Preau.Platform.Files;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Households;

/// <summary>
/// Supporting documents: a household uploads a file (checked by its content, its size and, when
/// configured, the antivirus); the town's agent validates it or rejects it with a reason, and the
/// household is told. Files are served only through a page that checks rights.
/// </summary>
internal sealed class SupportingDocuments(
    FamilyServicesDbContext db, UploadInspector inspector, IFileStore files, IOptions<Preau.Platform.Files.FileOptions> options, HouseholdHistory history, TimeProvider clock)
{
    public const int MaxFileNameLength = 120;

    /// <summary>PDF scans and phone photos: what families have.</summary>
    public static readonly FileKind[] AcceptedKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    /// <summary>The kinds a family may upload and their French names.</summary>
    public static readonly IReadOnlyList<(DocumentKind Kind, string Name)> Kinds =
    [
        (DocumentKind.ProofOfAddress, Fr("Justificatif de domicile")),
        (DocumentKind.CafAttestation, Fr("Attestation de quotient familial (CAF ou MSA)")),
        (DocumentKind.IndividualCarePlan, Fr("Projet d’accueil individualisé (PAI)")),
        (DocumentKind.VaccinationRecord, Fr("Carnet de vaccination")),
        (DocumentKind.Insurance, Fr("Attestation d’assurance extrascolaire")),
        (DocumentKind.Other, Fr("Autre document")),
    ];

    public static string NameOf(DocumentKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Name ?? kind.ToString();

    /// <summary>The single kinds a set holds, in display order.</summary>
    public static IEnumerable<DocumentKind> In(DocumentKind set) => Kinds.Select(k => k.Kind).Where(k => (set & k) != DocumentKind.None);

    /// <summary>Checks and stores an uploaded file as a document of the household (saved by the caller's SaveChanges).</summary>
    public async Task<(SupportingDocument? Document, IReadOnlyList<FormProblem> Problems)> UploadAsync(
        HouseholdResource household, Guid actorId, DocumentKind kind, Guid? childId, IFormFile? file, string field, CancellationToken cancellationToken)
    {
        if (!Kinds.Any(k => k.Kind == kind))
        {
            return (null, [new FormProblem("Kind", Fr("Choisissez le type de document dans la liste."))]);
        }

        if (childId is { } child && !household.ChildIds.Contains(child))
        {
            return (null, [new FormProblem("ChildId", Fr("Choisissez un enfant du foyer."))]);
        }

        if (file is null || file.Length == 0)
        {
            return (null, [new FormProblem(field, Fr("Choisissez un fichier (PDF, JPEG ou PNG)."))]);
        }

        await using var content = new MemoryStream();
        await using (var upload = file.OpenReadStream())
        {
            // Copy at most one byte past the limit: enough to refuse an oversized file without reading it all.
            await CopyBoundedAsync(upload, content, options.Value.MaxUploadBytes + 1, cancellationToken);
        }

        var check = await inspector.InspectAsync(content, AcceptedKinds, cancellationToken);
        if (!check.IsAccepted)
        {
            return (null, [new FormProblem(field, check.Error!)]);
        }

        var key = await files.SaveAsync(content, cancellationToken);
        var document = new SupportingDocument
        {
            HouseholdId = household.Id,
            ChildId = childId,
            Kind = kind,
            FileKey = key,
            ContentType = check.ContentType,
            FileName = SafeFileName(file.FileName, check.Kind),
            Size = content.Length,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = actorId,
        };
        db.SupportingDocuments.Add(document);
        history.Record(household.Id, HouseholdChangeKind.DocumentUploaded, actorId, NameOf(kind));
        return (document, []);
    }

    /// <summary>The agent validates a document, or rejects it with a reason (the household is notified).</summary>
    public async Task<IReadOnlyList<FormProblem>> ReviewAsync(Guid agentId, Guid documentId, bool accept, string? reason, CancellationToken cancellationToken)
    {
        var problems = new List<FormProblem>();
        if (!accept)
        {
            problems.CheckText("Reason", reason, 500, required: true);
        }

        var document = await db.SupportingDocuments.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            problems.Add(new FormProblem(string.Empty, Fr("Ce document n’existe plus.")));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (accept)
        {
            document!.Validate(agentId, now);
            history.Record(document.HouseholdId, HouseholdChangeKind.DocumentValidated, agentId, NameOf(document.Kind));
        }
        else
        {
            document!.Reject(agentId, now, PlainText.Clean(reason)!);
            history.Record(document.HouseholdId, HouseholdChangeKind.DocumentRejected, agentId, $"{NameOf(document.Kind)} : {document.RejectionReason}");
            var guardians = await db.HouseholdMembers.Where(m => m.HouseholdId == document.HouseholdId && m.Role == MemberRole.Guardian).Select(m => m.PersonId).ToListAsync(cancellationToken);
            db.Publish(new NotificationRequested(guardians, "familyservices.household", NotificationKind.ActionRequired,
                Fr("Un justificatif a été refusé : {0}"), [NameOf(document.Kind)], $"/famille/foyer/{document.HouseholdId}/documents"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Opens a document's file (the caller checked the rights on its household).</summary>
    public Task<Stream?> OpenAsync(SupportingDocument document, CancellationToken cancellationToken) => files.OpenReadAsync(document.FileKey, cancellationToken);

    /// <summary>The file's own name without any path or odd character, with the extension of what it really is.</summary>
    public static string SafeFileName(string? given, FileKind kind)
    {
        var name = Path.GetFileNameWithoutExtension((given ?? string.Empty).Replace('\\', '/').Split('/')[^1]);
        var clean = new string(name.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').ToArray()).Trim(' ', '.');
        if (clean.Length == 0)
        {
            clean = "document";
        }

        var extension = kind switch { FileKind.Pdf => ".pdf", FileKind.Png => ".png", FileKind.Jpeg => ".jpg", _ => string.Empty };
        return (clean.Length > MaxFileNameLength - extension.Length ? clean[..(MaxFileNameLength - extension.Length)] : clean) + extension;
    }

    private static async Task CopyBoundedAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - total)), cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        to.Position = 0;
    }
}
