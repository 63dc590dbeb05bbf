using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.FamilyServices.Data;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Audit;

/// <summary>What the module's audit log records: every money-affecting change (issue #5, Rules).</summary>
internal enum FamilyAuditAction
{
    /// <summary>Quotient familial saisi par un agent.</summary>
    QuotientEntered,

    /// <summary>Quotient familial validé.</summary>
    QuotientValidated,

    /// <summary>Quotient familial refusé.</summary>
    QuotientRejected,

    /// <summary>Règle de calcul des parts modifiée.</summary>
    QuotientRuleChanged,

    /// <summary>Version de tarif créée ou modifiée (brouillon).</summary>
    TariffDraftChanged,

    /// <summary>Version de tarif publiée.</summary>
    TariffPublished,

    /// <summary>Version de tarif supprimée (brouillon).</summary>
    TariffDraftDeleted,

    /// <summary>Décision sur une demande d'inscription scolaire.</summary>
    EnrolmentDecided,

    /// <summary>Factures d'un mois calculées (ou recalculées) en brouillon.</summary>
    InvoiceRunComputed,

    /// <summary>Factures d'un mois émises et numérotées.</summary>
    InvoiceRunIssued,

    /// <summary>Avoir émis sur une facture.</summary>
    CreditNoteIssued,

    /// <summary>Paiement enregistré par un agent.</summary>
    PaymentRecorded,

    /// <summary>Paiement en ligne reçu de la banque.</summary>
    OnlinePaymentReceived,

    /// <summary>Relance envoyée à un foyer.</summary>
    ReminderSent,
}

/// <summary>
/// One line of the module's audit log: who changed what and when. The summary is composed by Préau from
/// the change (amounts, dates), never copied from free input.
/// </summary>
internal sealed class FamilyAuditEntry : ITerritoryOwned
{
    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public DateTime At { get; init; }

    public FamilyAuditAction Action { get; init; }

    public Guid? ActorId { get; init; }

    /// <summary>The object concerned (a tariff version, a quotient record, a request).</summary>
    public Guid? SubjectId { get; init; }

    public required string Summary { get; init; }

    public string? IpAddress { get; init; }

    internal static void Configure(EntityTypeBuilder<FamilyAuditEntry> e)
    {
        e.ToTable("familyservices_audit");
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.HasIndex(x => new { x.SubjectId, x.At });
    }
}

/// <summary>Writes audit entries in the caller's unit of work (saved with the change they describe).</summary>
internal sealed class FamilyServicesAudit(FamilyServicesDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Records an entry; the summary is formatted in French whatever the actor's language (the log is the town's).</summary>
    public void Record(FamilyAuditAction action, Guid? actorId, Guid? subjectId, FormattableString summary)
    {
        var text = summary.ToString(French);
        db.AuditEntries.Add(new FamilyAuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorId = actorId,
            SubjectId = subjectId,
            Summary = text.Length > 500 ? text[..500] : text,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>The history of one object, newest first.</summary>
    public async Task<IReadOnlyList<FamilyAuditEntry>> HistoryAsync(Guid subjectId, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == subjectId).OrderByDescending(e => e.At).Take(100).ToListAsync(cancellationToken);
}
