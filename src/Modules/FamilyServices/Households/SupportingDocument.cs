using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Households;

/// <summary>The kinds of supporting document (pièce justificative). Flags: a service requires a set of them.</summary>
[Flags]
internal enum DocumentKind
{
    None = 0,

    /// <summary>Justificatif de domicile (less than three months old).</summary>
    ProofOfAddress = 1 << 0,

    /// <summary>Attestation de quotient familial de la CAF (or MSA).</summary>
    CafAttestation = 1 << 1,

    /// <summary>Projet d’accueil individualisé signed by the doctor.</summary>
    IndividualCarePlan = 1 << 2,

    /// <summary>Carnet de vaccination (pages of the compulsory vaccines).</summary>
    VaccinationRecord = 1 << 3,

    /// <summary>Attestation d’assurance extrascolaire.</summary>
    Insurance = 1 << 4,

    /// <summary>Any other document the town asked for.</summary>
    Other = 1 << 5,
}

/// <summary>Where a document stands with the town.</summary>
internal enum DocumentStatus
{
    /// <summary>Uploaded, waiting for the agent.</summary>
    Pending,

    /// <summary>Checked and accepted by the agent.</summary>
    Validated,

    /// <summary>Refused by the agent, with a reason; the family uploads another.</summary>
    Rejected,
}

/// <summary>A file a household uploaded for the town to check (stored through IFileStore, served only through a page that checks rights).</summary>
internal sealed class SupportingDocument : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid HouseholdId { get; init; }

    /// <summary>The child it concerns (a PAI, a vaccination record), if any.</summary>
    public Guid? ChildId { get; init; }

    public DocumentKind Kind { get; init; }

    /// <summary>The key of the file in the file store.</summary>
    public required string FileKey { get; init; }

    public required string ContentType { get; init; }

    /// <summary>The name the family gave the file, cleaned of any path; shown, never used to store.</summary>
    public required string FileName { get; init; }

    public long Size { get; init; }

    public DateTime UploadedAt { get; init; }

    public Guid UploadedBy { get; init; }

    public DocumentStatus Status { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Whether it can still stand for its kind (a rejected document no longer does).</summary>
    public bool Counts => Status != DocumentStatus.Rejected;

    public void Validate(Guid agentId, DateTime now)
    {
        Status = DocumentStatus.Validated;
        ReviewedAt = now;
        ReviewedBy = agentId;
        RejectionReason = null;
    }

    public void Reject(Guid agentId, DateTime now, string reason)
    {
        Status = DocumentStatus.Rejected;
        ReviewedAt = now;
        ReviewedBy = agentId;
        RejectionReason = reason;
    }

    /// <summary>The kinds among <paramref name="required"/> that none of <paramref name="documents"/> stands for.</summary>
    public static DocumentKind Missing(DocumentKind required, IEnumerable<SupportingDocument> documents) =>
        documents.Where(d => d.Counts).Aggregate(required, (missing, d) => missing & ~d.Kind);
}
