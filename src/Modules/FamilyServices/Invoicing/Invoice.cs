using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.FamilyServices.Services;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Invoicing;

internal enum InvoiceRunStatus
{
    /// <summary>Brouillon : l’agent vérifie, peut recalculer.</summary>
    Draft,

    /// <summary>Émise : les factures sont numérotées et ne changent plus.</summary>
    Issued,
}

internal enum InvoiceKind
{
    Invoice,

    /// <summary>Avoir : annule tout ou partie d’une facture émise (montants négatifs).</summary>
    CreditNote,
}

internal enum InvoiceStatus
{
    Draft,
    Issued,
}

/// <summary>How a payment reached the town's treasury.</summary>
internal enum PaymentMethod
{
    Cheque,
    Cash,

    /// <summary>Chèque emploi service universel (CESU), accepted for childcare of children under 6.</summary>
    Cesu,
    Transfer,

    /// <summary>Online, through the payment gateway.</summary>
    Online,
}

internal enum OnlinePaymentStatus
{
    /// <summary>The family was sent to the bank's page.</summary>
    Started,

    /// <summary>The bank's signed notification said paid: a <see cref="Payment"/> was recorded.</summary>
    Paid,

    /// <summary>The bank's signed notification said refused or cancelled.</summary>
    Refused,
}

/// <summary>
/// The monthly invoicing of a territory: a draft the agent checks (and may recompute) and then issues.
/// One run per territory and month.
/// </summary>
internal sealed class InvoiceRun : ITerritoryOwned
{
    public const int MaxWarningsLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>The first day of the month invoiced.</summary>
    public DateOnly Month { get; init; }

    public InvoiceRunStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTime ComputedAt { get; set; }

    public DateTime? IssuedAt { get; set; }

    public Guid? IssuedBy { get; set; }

    public int InvoiceCount { get; set; }

    public int LineCount { get; set; }

    /// <summary>The children billed in the run (known when it is computed: never counted again from its lines).</summary>
    public int ChildCount { get; set; }

    public decimal Total { get; set; }

    /// <summary>Billed days that could not be priced (no tariff in force), with the services concerned, in French.</summary>
    public string? Warnings { get; set; }

    internal static void Configure(EntityTypeBuilder<InvoiceRun> e)
    {
        e.ToTable("invoice_runs");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Total).HasPrecision(14, 2);
        e.Property(x => x.Warnings).HasMaxLength(MaxWarningsLength);
        e.HasIndex(x => new { x.TerritoryId, x.Month }).IsUnique();
    }
}

/// <summary>
/// An invoice (or a credit note) of one household. A draft has no number and may be recomputed with its
/// run; once issued it never changes: its number is given in the issuing transaction from the territory's
/// counter of the year (no gap), and a correction is a credit note with a number of its own.
/// </summary>
internal sealed class Invoice : ITerritoryOwned
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>The run that computed it (null for a credit note).</summary>
    public Guid? RunId { get; init; }

    public Guid HouseholdId { get; init; }

    /// <summary>The household's name and address when the invoice was computed: an issued invoice keeps them.</summary>
    public required string HouseholdName { get; init; }

    public string? HouseholdAddress { get; init; }

    /// <summary>The first day of the month invoiced.</summary>
    public DateOnly Month { get; init; }

    public InvoiceKind Kind { get; init; }

    /// <summary>The invoice a credit note corrects.</summary>
    public Guid? CorrectsInvoiceId { get; init; }

    /// <summary>"2026-000123": given at issue only.</summary>
    public string? Number { get; set; }

    public InvoiceStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? IssuedAt { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>The sum of the lines (each already rounded to the cent); negative for a credit note.</summary>
    public decimal Total { get; set; }

    /// <summary>Why a credit note was issued (the agent's words).</summary>
    public string? Reason { get; init; }

    public List<InvoiceLine> Lines { get; init; } = [];

    public bool IsIssued => Status == InvoiceStatus.Issued;

    internal static void Configure(EntityTypeBuilder<Invoice> e)
    {
        e.ToTable("invoices");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.HouseholdName).HasMaxLength(200);
        e.Property(x => x.HouseholdAddress).HasMaxLength(400);
        e.Property(x => x.Number).HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(MaxReasonLength);
        e.Property(x => x.Total).HasPrecision(14, 2);
        e.HasIndex(x => new { x.TerritoryId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.HouseholdId, x.Month });
        e.HasIndex(x => new { x.RunId, x.HouseholdName });
        e.HasIndex(x => x.CorrectsInvoiceId);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One billed use: a child, a service, a day (or a month for a flat monthly service), priced and explained.</summary>
internal sealed class InvoiceLine : ITerritoryOwned
{
    public const int MaxExplanationLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid InvoiceId { get; init; }

    public int Position { get; init; }

    public Guid ChildId { get; init; }

    public required string ChildName { get; init; }

    public Guid ServiceId { get; init; }

    public required string ServiceName { get; init; }

    /// <summary>The day used (the month's first day for a flat monthly service).</summary>
    public DateOnly Day { get; init; }

    public decimal Quantity { get; init; }

    public BillingUnit Unit { get; init; }

    public decimal UnitPrice { get; init; }

    public Guid? TariffVersionId { get; init; }

    /// <summary>What, which day, which tariff and why, in French, composed by Préau when the line was priced.</summary>
    public required string Explanation { get; init; }

    public bool Late { get; init; }

    public bool NoReservation { get; init; }

    public decimal Amount { get; init; }

    /// <summary>On a credit note: the invoice line it cancels.</summary>
    public Guid? CorrectsLineId { get; init; }

    internal static void Configure(EntityTypeBuilder<InvoiceLine> e)
    {
        e.ToTable("invoice_lines");
        e.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ChildName).HasMaxLength(200);
        e.Property(x => x.ServiceName).HasMaxLength(200);
        e.Property(x => x.Explanation).HasMaxLength(MaxExplanationLength);
        e.Property(x => x.Quantity).HasPrecision(10, 2);
        e.Property(x => x.UnitPrice).HasPrecision(10, 2);
        e.Property(x => x.Amount).HasPrecision(12, 2);
        e.HasIndex(x => new { x.InvoiceId, x.Position });
        e.HasIndex(x => x.CorrectsLineId).IsUnique();
    }
}

/// <summary>Money received for a household, recorded by the agent or by the payment gateway's notification.</summary>
internal sealed class Payment : ITerritoryOwned
{
    public const int MaxReferenceLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid HouseholdId { get; init; }

    public Guid? InvoiceId { get; init; }

    public decimal Amount { get; init; }

    public PaymentMethod Method { get; init; }

    /// <summary>A cheque's number, a transfer's reference, the gateway's transaction id.</summary>
    public string? Reference { get; init; }

    public DateOnly ReceivedOn { get; init; }

    public DateTime RecordedAt { get; init; }

    /// <summary>The agent who recorded it (null: the payment gateway).</summary>
    public Guid? RecordedBy { get; init; }

    internal static void Configure(EntityTypeBuilder<Payment> e)
    {
        e.ToTable("invoice_payments");
        e.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reference).HasMaxLength(MaxReferenceLength);
        e.Property(x => x.Amount).HasPrecision(14, 2);
        e.HasIndex(x => new { x.HouseholdId, x.ReceivedOn });
        e.HasIndex(x => x.InvoiceId);
        e.HasIndex(x => new { x.TerritoryId, x.ReceivedOn });
    }
}

/// <summary>A payment started online: the family went to the bank's page; the bank's signed notification closes it once.</summary>
internal sealed class OnlinePayment : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>The id the bank knows the payment by; unique, so a notification is applied once.</summary>
    public required string TransactionId { get; init; }

    public Guid InvoiceId { get; init; }

    public Guid HouseholdId { get; init; }

    public decimal Amount { get; init; }

    public OnlinePaymentStatus Status { get; set; }

    public DateTime StartedAt { get; init; }

    public Guid StartedBy { get; init; }

    public DateTime? CompletedAt { get; set; }

    public Guid? PaymentId { get; set; }

    internal static void Configure(EntityTypeBuilder<OnlinePayment> e)
    {
        e.ToTable("invoice_online_payments");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.TransactionId).HasMaxLength(64);
        e.Property(x => x.Amount).HasPrecision(14, 2);
        e.HasIndex(x => x.TransactionId).IsUnique();
        e.HasIndex(x => x.InvoiceId);
    }
}

/// <summary>
/// The last invoice number given in a territory for a year. Incremented inside the issuing transaction
/// (the row's lock serialises two issues), so numbers follow each other without gap (CGI, art. 242 nonies A:
/// a unique number in a continuous sequence).
/// </summary>
internal sealed class InvoiceNumberCounter : ITerritoryOwned
{
    public Guid TerritoryId { get; init; }

    public int Year { get; init; }

    public int Last { get; set; }

    internal static void Configure(EntityTypeBuilder<InvoiceNumberCounter> e)
    {
        e.ToTable("invoice_number_counters");
        e.HasKey(x => new { x.TerritoryId, x.Year });
    }
}
