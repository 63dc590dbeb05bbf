using System.Globalization;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>How a day's state is billed (docs/family-services.md, "The day states").</summary>
internal readonly record struct BilledDay(bool Billed, bool Late, bool NoReservation);

/// <summary>
/// The invoicing rules as pure functions: which days are billed and how, the quantity of an hourly day,
/// the explanation of a line, the numbers, credit notes and what remains to pay.
/// </summary>
internal static class InvoiceRules
{
    public const int PaymentDays = 30;

    public const decimal MaximumPayment = 100_000m;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// The states invoicing bills: a booked day (reserved, present, absent without a valid reason), a
    /// presence without booking (no-reservation tariff), a late cancellation (late tariff). An excused
    /// absence, a waiting list or a refusal is never billed. <c>LateChange</c> means the late tariff.
    /// </summary>
    public static BilledDay Bill(DayState state, bool lateChange) => state switch
    {
        DayState.Reserved or DayState.Present or DayState.AbsentUnexcused => new(true, lateChange, false),
        DayState.CancelledLate => new(true, true, false),
        DayState.PresentWithoutReservation => new(true, false, true),
        _ => new(false, false, false),
    };

    /// <summary>The states <see cref="Bill"/> bills, for the month's query.</summary>
    public static readonly DayState[] BilledStates = [DayState.Reserved, DayState.Present, DayState.AbsentUnexcused, DayState.CancelledLate, DayState.PresentWithoutReservation];

    /// <summary>
    /// Hours of a day billed by the hour: from arrival to departure, every quarter of an hour started is
    /// due (8:00–9:05 is 1,25 h). Without both times (booked, not yet marked), the service's opening hours;
    /// without those, one hour.
    /// </summary>
    public static decimal Hours(TimeOnly? arrivedAt, TimeOnly? leftAt, TimeOnly? opensAt, TimeOnly? closesAt)
    {
        var (from, to) = arrivedAt is { } a && leftAt is { } l && l > a ? (a, l) : opensAt is { } o && closesAt is { } c && c > o ? (o, c) : (default(TimeOnly), default(TimeOnly));
        if (to == default)
        {
            return 1m;
        }

        var quarters = (int)Math.Ceiling((to - from).TotalMinutes / 15d);
        return quarters / 4m;
    }

    /// <summary>
    /// The rank of each child among a household's children using a service in the month, for the sibling
    /// reduction: by the date of the child's registration to the service (the first registered is the
    /// first child), then by the child's id so that two registrations of the same instant keep one order.
    /// </summary>
    public static IReadOnlyDictionary<Guid, int> Ranks(IEnumerable<(Guid ChildId, DateTime RegisteredAt)> children) =>
        children.GroupBy(c => c.ChildId).Select(g => (ChildId: g.Key, At: g.Min(c => c.RegisteredAt)))
            .OrderBy(c => c.At).ThenBy(c => c.ChildId)
            .Select((c, i) => (c.ChildId, Rank: i + 1))
            .ToDictionary(c => c.ChildId, c => c.Rank);

    /// <summary>
    /// A line's explanation, in French: what, which day, which tariff, and why ("Cantine — mardi 3 novembre
    /// 2026 — Restauration scolaire 2026-2027 — Quotient familial de 650,00 € : tranche 2 … ; Réservation
    /// hors délai : majoration de 20 %.").
    /// </summary>
    public static string Explain(string serviceName, DateOnly day, BillingUnit unit, PricedAmount priced)
    {
        var when = unit == BillingUnit.FlatMonthly ? day.ToString("MMMM yyyy", French) : day.ToString("dddd d MMMM yyyy", French);
        var quantity = unit switch
        {
            BillingUnit.PerHour => string.Format(French, "{0} h × {1} €", priced.Quantity.ToString("0.##", French), TariffRules.Money(priced.UnitPrice)),
            _ => string.Format(French, "{0} €", TariffRules.Money(priced.UnitPrice)),
        };
        var reasons = string.Join(" ; ", priced.Reasons.Select(r => string.Format(French, r.Message, r.Arguments)));
        var text = string.Join(" — ", new[] { serviceName, when, priced.VersionLabel, quantity, reasons }.Where(s => s.Length > 0));
        return text.Length > InvoiceLine.MaxExplanationLength ? text[..InvoiceLine.MaxExplanationLength] : text;
    }

    /// <summary>An invoice number: the year of issue and the rank in the territory's sequence of that year ("2026-000123").</summary>
    public static string Number(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:000000}");

    /// <summary>The due date: <see cref="PaymentDays"/> days after the issue date.</summary>
    public static DateOnly DueOn(DateOnly issuedOn) => issuedOn.AddDays(PaymentDays);

    /// <summary>
    /// The lines of a credit note cancelling some lines of an issued invoice: the same lines with the
    /// opposite amounts. Refused when a line is not the invoice's or was already cancelled.
    /// </summary>
    public static (IReadOnlyList<InvoiceLine> Lines, RuleError? Error) CreditLines(Invoice invoice, IReadOnlySet<Guid> lineIds, IReadOnlySet<Guid> alreadyCredited, Guid creditNoteId)
    {
        if (invoice.Kind != InvoiceKind.Invoice || !invoice.IsIssued)
        {
            return ([], new RuleError(string.Empty, Fr("Un avoir corrige une facture émise.")));
        }

        if (lineIds.Count == 0)
        {
            return ([], new RuleError("Lines", Fr("Choisissez au moins une ligne à annuler.")));
        }

        var chosen = invoice.Lines.Where(l => lineIds.Contains(l.Id)).OrderBy(l => l.Position).ToList();
        if (chosen.Count != lineIds.Count)
        {
            return ([], new RuleError("Lines", Fr("Une ligne choisie n’appartient pas à cette facture.")));
        }

        if (chosen.Any(l => alreadyCredited.Contains(l.Id)))
        {
            return ([], new RuleError("Lines", Fr("Une ligne choisie a déjà été annulée par un avoir.")));
        }

        var lines = chosen.Select((l, i) => new InvoiceLine
        {
            InvoiceId = creditNoteId,
            Position = i + 1,
            ChildId = l.ChildId,
            ChildName = l.ChildName,
            ServiceId = l.ServiceId,
            ServiceName = l.ServiceName,
            Day = l.Day,
            Quantity = l.Quantity,
            Unit = l.Unit,
            UnitPrice = l.UnitPrice,
            TariffVersionId = l.TariffVersionId,
            Explanation = Truncate(string.Format(French, "Annulation : {0}", l.Explanation)),
            Late = l.Late,
            NoReservation = l.NoReservation,
            Amount = -l.Amount,
            CorrectsLineId = l.Id,
        }).ToList();
        return (lines, null);
    }

    /// <summary>What remains to pay on an issued invoice: its total, less its credit notes (negative) and the payments received for it.</summary>
    public static decimal Remaining(decimal total, decimal credited, decimal paid) => Math.Max(0m, total + credited - paid);

    /// <summary>
    /// Checks an amount the agent records: positive, to the cent, at most what remains to pay (a double
    /// entry of the same cheque is refused rather than recorded as a credit).
    /// </summary>
    public static RuleError? CheckPayment(decimal? amount, decimal remaining) => amount switch
    {
        null => new RuleError("Input.Amount", Fr("Indiquez le montant reçu.")),
        <= 0 => new RuleError("Input.Amount", Fr("Le montant reçu est positif.")),
        > MaximumPayment => new RuleError("Input.Amount", Fr("Le montant reçu est de {0} € au plus."), TariffRules.Money(MaximumPayment)),
        { } a when decimal.Round(a, 2) != a => new RuleError("Input.Amount", Fr("Un montant s’écrit au centime près.")),
        { } a when a > remaining => new RuleError("Input.Amount", Fr("Le montant dépasse le reste à payer ({0} €) : ce paiement a peut-être déjà été enregistré."), TariffRules.Money(remaining)),
        _ => null,
    };

    private static string Truncate(string text) => text.Length > InvoiceLine.MaxExplanationLength ? text[..InvoiceLine.MaxExplanationLength] : text;
}
