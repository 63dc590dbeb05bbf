using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Preau.Platform.Documents;
using Preau.Platform.Tenancy;
using Preau.Platform.Text;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>
/// The invoice as a PDF (PDFsharp, DejaVu Sans embedded) and the accounting exports as CSV (French
/// conventions: semicolons, decimal comma, UTF-8 with a byte-order mark; a text starting with = + - @ is
/// prefixed with an apostrophe, OWASP "CSV injection"; amounts are numbers and never prefixed).
/// </summary>
internal static class InvoiceDocuments
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] InvoicesCsv(IReadOnlyList<Invoice> invoices, TenantContext tenant)
    {
        var csv = new StringBuilder();
        Row(csv, [Fr("Numéro"), Fr("Type"), Fr("Date d’émission"), Fr("Échéance"), Fr("Mois facturé"), Fr("Foyer"), Fr("Identifiant du foyer"), Fr("Montant"), Fr("Facture corrigée")], []);
        var numbers = invoices.ToDictionary(i => i.Id, i => i.Number);
        foreach (var i in invoices)
        {
            Row(csv,
                [i.Number ?? string.Empty, i.Kind == InvoiceKind.CreditNote ? Fr("Avoir") : Fr("Facture"), Date(i.IssuedAt is { } at ? DateOnly.FromDateTime(tenant.ToLocal(at)) : null), Date(i.DueOn), i.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), i.HouseholdName, i.HouseholdId.ToString()],
                [i.Total],
                i.CorrectsInvoiceId is { } c ? numbers.GetValueOrDefault(c) ?? c.ToString() : string.Empty);
        }

        return Bytes(csv);
    }

    public static byte[] PaymentsCsv(IReadOnlyList<(Payment Payment, string? InvoiceNumber, string HouseholdName)> payments)
    {
        var csv = new StringBuilder();
        Row(csv, [Fr("Date de réception"), Fr("Foyer"), Fr("Identifiant du foyer"), Fr("Facture"), Fr("Moyen de paiement"), Fr("Référence"), Fr("Montant")], []);
        foreach (var (p, number, household) in payments)
        {
            Row(csv, [Date(p.ReceivedOn), household, p.HouseholdId.ToString(), number ?? string.Empty, InvoiceLabels.Method(p.Method), p.Reference ?? string.Empty], [p.Amount]);
        }

        return Bytes(csv);
    }

    /// <summary>An invoice or credit note as an A4 PDF: header, household, one row per line (wrapping onto new pages), total.</summary>
    public static byte[] Pdf(InvoiceStatement statement, string territory, TenantContext tenant)
    {
        var invoice = statement.Invoice;
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = Title(invoice);
        document.Info.Creator = "Préau";
        var regular = new XFont(PdfFonts.Family, 9, XFontStyleEx.Regular);
        var bold = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
        var margin = XUnit.FromCentimeter(2).Point;
        PdfPage page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var graphics = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - (2 * margin);
        var y = margin;

        void Line(string text, XFont font, double x = 0)
        {
            if (y > page.Height.Point - margin)
            {
                graphics.Dispose();
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                graphics = XGraphics.FromPdfPage(page);
                y = margin;
            }

            graphics.DrawString(text, font, XBrushes.Black, new XPoint(margin + x, y));
            y += font.Size + 5;
        }

        Line(territory, bold);
        Line(Title(invoice), bold);
        Line(string.Format(French, "Émise le {0} — à payer avant le {1}", invoice.IssuedAt is { } issuedAt ? DateOnly.FromDateTime(tenant.ToLocal(issuedAt)).ToString("d", French) : "—", invoice.DueOn?.ToString("d", French) ?? "—"), regular);
        if (statement.CorrectedNumber is { } corrected)
        {
            Line(string.Format(French, "Avoir sur la facture {0} — motif : {1}", corrected, invoice.Reason), regular);
        }

        y += 10;
        Line(invoice.HouseholdName, bold);
        if (invoice.HouseholdAddress is { } address)
        {
            Line(address, regular);
        }

        Line(string.Format(French, "Services de {0}", invoice.Month.ToString("MMMM yyyy", French)), regular);
        y += 10;
        foreach (var l in invoice.Lines.OrderBy(l => l.Position))
        {
            Line(string.Format(French, "{0} — {1} — {2} €", l.ChildName, l.Day.ToString("d", French), l.Amount.ToString("N2", French)), regular);
            foreach (var part in Wrap(l.Explanation, graphics, regular, width - 20))
            {
                Line(part, regular, 20);
            }
        }

        y += 10;
        Line(string.Format(French, "Total : {0} €", invoice.Total.ToString("N2", French)), bold);
        if (invoice.Kind == InvoiceKind.Invoice)
        {
            Line(string.Format(French, "Déjà réglé : {0} € — avoirs : {1} € — reste à payer : {2} €", statement.Paid.ToString("N2", French), statement.Credited.ToString("N2", French), statement.Remaining.ToString("N2", French)), regular);
        }

        graphics.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Title(Invoice invoice) =>
        string.Format(French, invoice.Kind == InvoiceKind.CreditNote ? "Avoir n° {0}" : invoice.IsIssued ? "Facture n° {0}" : "Facture (brouillon) {0}", invoice.Number ?? string.Empty).Trim();

    private static IEnumerable<string> Wrap(string text, XGraphics graphics, XFont font, double width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static void Row(StringBuilder csv, IEnumerable<string> texts, IEnumerable<decimal> amounts, string? last = null)
    {
        var cells = texts.Select(CsvCell.Of).Concat(amounts.Select(a => a.ToString("0.00", French)));
        if (last is not null)
        {
            cells = cells.Append(CsvCell.Of(last));
        }

        csv.Append(string.Join(';', cells)).Append("\r\n");
    }

    private static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    private static byte[] Bytes(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
}
