using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Catchment;

/// <summary>Why a family asks to enrol a child.</summary>
internal enum EnrolmentReason
{
    /// <summary>Première inscription à l’école (entrée en petite section ou en CP).</summary>
    FirstEntry,

    /// <summary>Arrivée dans la commune (déménagement).</summary>
    MovingIn,

    /// <summary>Changement d’école dans la commune (déménagement dans la ville).</summary>
    MovingWithinTown,
}

/// <summary>Where a request stands.</summary>
internal enum EnrolmentStatus
{
    /// <summary>Déposée, à instruire.</summary>
    Submitted,

    /// <summary>Acceptée : l’enfant est inscrit dans l’école indiquée.</summary>
    Accepted,

    /// <summary>Refusée, avec un motif.</summary>
    Refused,

    /// <summary>Annulée par la famille.</summary>
    Cancelled,
}

/// <summary>The grades of primary school, in order.</summary>
internal enum Grade
{
    /// <summary>Petite section.</summary>
    PS,

    /// <summary>Moyenne section.</summary>
    MS,

    /// <summary>Grande section.</summary>
    GS,

    /// <summary>Cours préparatoire.</summary>
    CP,

    /// <summary>Cours élémentaire 1.</summary>
    CE1,

    /// <summary>Cours élémentaire 2.</summary>
    CE2,

    /// <summary>Cours moyen 1.</summary>
    CM1,

    /// <summary>Cours moyen 2.</summary>
    CM2,
}

/// <summary>The kinds of supporting document a request carries.</summary>
internal enum EnrolmentDocumentKind
{
    /// <summary>Justificatif de domicile de moins de trois mois.</summary>
    ProofOfAddress,

    /// <summary>Livret de famille (ou acte de naissance).</summary>
    FamilyRecordBook,

    /// <summary>Pièce justifiant la dérogation demandée.</summary>
    DerogationEvidence,
}

internal static class EnrolmentNames
{
    public static SchoolLevel LevelOf(Grade grade) => grade <= Grade.GS ? SchoolLevel.Maternelle : SchoolLevel.Elementaire;

    public static string Of(EnrolmentReason reason) => reason switch
    {
        EnrolmentReason.FirstEntry => Fr("Première inscription à l’école"),
        EnrolmentReason.MovingIn => Fr("Arrivée dans la commune"),
        EnrolmentReason.MovingWithinTown => Fr("Déménagement dans la commune"),
        _ => reason.ToString(),
    };

    public static string Of(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Submitted => Fr("À instruire"),
        EnrolmentStatus.Accepted => Fr("Acceptée"),
        EnrolmentStatus.Refused => Fr("Refusée"),
        EnrolmentStatus.Cancelled => Fr("Annulée"),
        _ => status.ToString(),
    };

    public static string Of(EnrolmentDocumentKind kind) => kind switch
    {
        EnrolmentDocumentKind.ProofOfAddress => Fr("Justificatif de domicile"),
        EnrolmentDocumentKind.FamilyRecordBook => Fr("Livret de famille"),
        EnrolmentDocumentKind.DerogationEvidence => Fr("Justificatif de la dérogation"),
        _ => kind.ToString(),
    };

    public static string Of(SchoolLevel level) => level switch
    {
        SchoolLevel.Maternelle => Fr("Maternelle"),
        SchoolLevel.Elementaire => Fr("Élémentaire"),
        SchoolLevel.Both => Fr("Maternelle et élémentaire"),
        _ => level.ToString(),
    };

    public static string Of(Grade grade) => grade switch
    {
        Grade.PS => Fr("Petite section"),
        Grade.MS => Fr("Moyenne section"),
        Grade.GS => Fr("Grande section"),
        _ => grade.ToString(),
    };
}

/// <summary>
/// A family's request to enrol a child in a public school of the town (inscription scolaire, Code de
/// l’éducation art. L131-6 and L212-7: the mayor enrols, the school head then admits). The school
/// assigned by the catchment is recorded when the request is filed; a derogation asks for another
/// school with a reason from the town's list. The agent or the mayor's office decides, with a letter.
/// </summary>
internal sealed class EnrolmentRequest : ITerritoryOwned
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>Short number for letters and phone calls: "2026-00042".</summary>
    public required string Reference { get; init; }

    public Guid GuardianId { get; init; }

    public required string ChildFirstName { get; init; }

    public required string ChildLastName { get; init; }

    public DateOnly ChildBirthDate { get; init; }

    public Grade Grade { get; init; }

    public EnrolmentReason Reason { get; init; }

    /// <summary>The school year's first day (the request is for that year).</summary>
    public DateOnly SchoolYearStart { get; init; }

    public required string HouseNumber { get; init; }

    public required string Street { get; init; }

    public string? Area { get; init; }

    public required string PostalCode { get; init; }

    public required string City { get; init; }

    /// <summary>The school the catchment assigns to the address for the grade's level (none when the address is outside every catchment).</summary>
    public Guid? AssignedSchoolId { get; init; }

    /// <summary>Another school asked for by derogation, or null.</summary>
    public Guid? RequestedSchoolId { get; init; }

    public Guid? DerogationReasonId { get; init; }

    /// <summary>The derogation reason's label when the request was filed (the list may change later).</summary>
    public string? DerogationReasonLabel { get; init; }

    public string? DerogationDetails { get; init; }

    public EnrolmentStatus Status { get; private set; }

    public DateTime SubmittedAt { get; init; }

    public Guid? DecidedBy { get; private set; }

    /// <summary>"Le service éducation" or "Le cabinet du maire", as the letter signs it.</summary>
    public string? DecidedAs { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public Guid? DecidedSchoolId { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>When the school head recorded the pupil's admission.</summary>
    public DateTime? AdmittedAt { get; private set; }

    public Guid? AdmittedBy { get; private set; }

    public List<EnrolmentDocument> Documents { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsDerogation => RequestedSchoolId is not null && RequestedSchoolId != AssignedSchoolId;

    public string ChildName => $"{ChildFirstName} {ChildLastName}";

    /// <summary>Records the decision: accepted in a school (the requested or the assigned one), or refused with a reason.</summary>
    public void Decide(bool accepted, Guid? schoolId, string? reason, Guid deciderId, string decidedAs, DateTime at)
    {
        if (Status != EnrolmentStatus.Submitted)
        {
            throw new InvalidOperationException("The request was already decided.");
        }

        Status = accepted ? EnrolmentStatus.Accepted : EnrolmentStatus.Refused;
        DecidedSchoolId = accepted ? schoolId : null;
        DecisionReason = reason;
        DecidedBy = deciderId;
        DecidedAs = decidedAs;
        DecidedAt = at;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public void Cancel()
    {
        if (Status != EnrolmentStatus.Submitted)
        {
            throw new InvalidOperationException("Only a pending request can be cancelled.");
        }

        Status = EnrolmentStatus.Cancelled;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public void Admit(Guid headId, DateTime at)
    {
        if (Status != EnrolmentStatus.Accepted || AdmittedAt is not null)
        {
            throw new InvalidOperationException("Only an accepted pupil not yet admitted can be admitted.");
        }

        AdmittedAt = at;
        AdmittedBy = headId;
        ConcurrencyStamp = Guid.NewGuid();
    }

    internal static void Configure(EntityTypeBuilder<EnrolmentRequest> e)
    {
        e.ToTable("enrolment_requests");
        e.Property(x => x.Reference).HasMaxLength(20);
        e.Property(x => x.ChildFirstName).HasMaxLength(100);
        e.Property(x => x.ChildLastName).HasMaxLength(100);
        e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(5);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.HouseNumber).HasMaxLength(20);
        e.Property(x => x.Street).HasMaxLength(StreetNames.MaxLength);
        e.Property(x => x.Area).HasMaxLength(StreetNames.MaxLength);
        e.Property(x => x.PostalCode).HasMaxLength(10);
        e.Property(x => x.City).HasMaxLength(100);
        e.Property(x => x.DerogationReasonLabel).HasMaxLength(200);
        e.Property(x => x.DerogationDetails).HasMaxLength(MaxTextLength);
        e.Property(x => x.DecidedAs).HasMaxLength(100);
        e.Property(x => x.DecisionReason).HasMaxLength(MaxTextLength);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => new { x.GuardianId, x.SubmittedAt });
        e.HasIndex(x => new { x.Status, x.SubmittedAt });
        e.HasIndex(x => new { x.DecidedSchoolId, x.Status });
        e.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A supporting document of a request, checked by content and kept in the file store.</summary>
internal sealed class EnrolmentDocument : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid RequestId { get; init; }

    public EnrolmentDocumentKind Kind { get; init; }

    public required string FileKey { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    internal static void Configure(EntityTypeBuilder<EnrolmentDocument> e)
    {
        e.ToTable("enrolment_documents");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.FileKey).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(100);
    }
}

/// <summary>A reason the town accepts for a derogation ("Un frère ou une sœur est déjà scolarisé dans l’école").</summary>
internal sealed class DerogationReason : ITerritoryOwned
{
    public const int MaxLabelLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public required string Label { get; set; }

    public int Position { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The reasons most towns accept, offered to start the list.</summary>
    public static IReadOnlyList<string> Usual { get; } =
    [
        Fr("Un frère ou une sœur est déjà scolarisé dans l’école demandée"),
        Fr("Mode de garde (assistante maternelle, grands-parents) proche de l’école demandée"),
        Fr("Raison médicale (sur justificatif)"),
        Fr("Lieu de travail d’un parent proche de l’école demandée"),
        Fr("Poursuite de la scolarité dans l’école actuelle après un déménagement"),
    ];

    internal static void Configure(EntityTypeBuilder<DerogationReason> e)
    {
        e.ToTable("derogation_reasons");
        e.Property(x => x.Label).HasMaxLength(MaxLabelLength);
    }
}
