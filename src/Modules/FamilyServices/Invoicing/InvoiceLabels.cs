using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>French names of payment methods and invoice states (translation keys).</summary>
internal static class InvoiceLabels
{
    public static string Method(PaymentMethod method) => method switch
    {
        PaymentMethod.Cheque => Fr("Chèque"),
        PaymentMethod.Cash => Fr("Espèces"),
        PaymentMethod.Cesu => Fr("CESU"),
        PaymentMethod.Transfer => Fr("Virement"),
        _ => Fr("En ligne"),
    };

    public static string Kind(InvoiceKind kind) => kind == InvoiceKind.CreditNote ? Fr("Avoir") : Fr("Facture");

    public static string RunStatus(InvoiceRunStatus status) => status == InvoiceRunStatus.Issued ? Fr("Émises") : Fr("Brouillon");

    public static string RunBadge(InvoiceRunStatus status) => status == InvoiceRunStatus.Issued ? "badge badge--success" : "badge badge--warning";
}
