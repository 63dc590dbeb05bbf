using System.Text;
using Microsoft.Extensions.Options;
using Preau.FamilyServices.Invoicing;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Tenancy;

namespace Preau.UnitTests.FamilyServices;

/// <summary>Issue #5, item 6: invoice lines, rounding, credit notes, numbers, payments, exports and the gateway's signatures.</summary>
public sealed class InvoiceRulesTests
{
    private static TariffVersion Canteen() => new()
    {
        Kind = ServiceKind.Canteen,
        Label = "Restauration scolaire 2026-2027",
        StartsOn = new DateOnly(2026, 9, 1),
        Unit = BillingUnit.PerDay,
        Brackets =
        [
            new TariffBracket { LowerBound = 0, UpperBound = 400, UnitPrice = 1.00m },
            new TariffBracket { LowerBound = 400, UpperBound = 700, UnitPrice = 3.20m },
            new TariffBracket { LowerBound = 700, UpperBound = null, UnitPrice = 4.10m },
        ],
        SecondChildReductionPercent = 10,
        FurtherChildReductionPercent = 20,
        LateMode = PenaltyMode.SurchargePercent,
        LateValue = 20,
        NoReservationMode = PenaltyMode.FixedPrice,
        NoReservationValue = 6.50m,
    };

    [Theory]
    [InlineData("Reserved", false, true, false, false)]
    [InlineData("Reserved", true, true, true, false)]
    [InlineData("Present", false, true, false, false)]
    [InlineData("AbsentUnexcused", false, true, false, false)]
    [InlineData("CancelledLate", false, true, true, false)]
    [InlineData("PresentWithoutReservation", false, true, false, true)]
    [InlineData("AbsentExcused", false, false, false, false)]
    [InlineData("WaitingList", false, false, false, false)]
    [InlineData("Refused", false, false, false, false)]
    public void Bill_EachDayState_BilledWithTheDocumentedTariff(string name, bool lateChange, bool billed, bool late, bool noReservation)
    {
        var state = Enum.Parse<DayState>(name);
        Assert.Equal(new BilledDay(billed, late, noReservation), InvoiceRules.Bill(state, lateChange));
        Assert.Equal(billed, InvoiceRules.BilledStates.Contains(state));
    }

    [Theory]
    [InlineData("16:30", "18:00", 1.5)]
    [InlineData("16:30", "17:31", 1.25)]
    [InlineData("08:00", "09:05", 1.25)]
    [InlineData(null, null, 2.0)]
    public void Hours_StartedQuarterIsDue_OpeningHoursWithoutMarks(string? arrived, string? left, decimal expected)
    {
        var hours = InvoiceRules.Hours(arrived is null ? null : TimeOnly.Parse(arrived), left is null ? null : TimeOnly.Parse(left), new TimeOnly(16, 30), new TimeOnly(18, 30));
        Assert.Equal(expected, hours);
        Assert.Equal(1m, InvoiceRules.Hours(null, null, null, null));
    }

    [Fact]
    public void Ranks_ByRegistrationDateThenId_FirstRegisteredIsFirstChild()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ranks = InvoiceRules.Ranks([(b, new DateTime(2026, 9, 2)), (a, new DateTime(2026, 9, 1)), (c, new DateTime(2026, 9, 3)), (a, new DateTime(2026, 9, 1))]);

        Assert.Equal(1, ranks[a]);
        Assert.Equal(2, ranks[b]);
        Assert.Equal(3, ranks[c]);
    }

    [Fact]
    public void Explain_SecondChildBookedLate_SaysWhatWhichDayWhichTariffAndWhy()
    {
        var priced = TariffRules.Price(Canteen(), new PricingRequest(650m, 2, 1m, Late: true));
        var text = InvoiceRules.Explain("Cantine", new DateOnly(2026, 11, 3), BillingUnit.PerDay, priced);

        // 3,20 − 10 % (0,32) + 20 % (0,64) = 3,52
        Assert.Equal(3.52m, priced.Amount);
        Assert.StartsWith("Cantine — mardi 3 novembre 2026 — Restauration scolaire 2026-2027 — 3,20 €", text, StringComparison.Ordinal);
        Assert.Contains("tranche 2 (de 400,00 € à moins de 700,00 €)", text, StringComparison.Ordinal);
        Assert.Contains("réduction de 10 %", text, StringComparison.Ordinal);
        Assert.Contains("Réservation hors délai : majoration de 20 %", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_HalfCentRounding_EachLineRoundedAwayFromZeroAndTotalIsTheSumOfLines()
    {
        // 2,35 × 10 % = 0,235 → 0,24 ; 2,35 × 25 % = 0,5875 → 0,59
        var version = Canteen();
        version.Brackets[1].UnitPrice = 2.35m;
        version.LateValue = 25;
        var lines = new[]
        {
            TariffRules.Price(version, new PricingRequest(650m, 2, 1m)),
            TariffRules.Price(version, new PricingRequest(650m, 1, 1m, Late: true)),
            TariffRules.Price(version, new PricingRequest(650m, 1, 1m, NoReservation: true)),
        };

        Assert.Equal([2.11m, 2.94m, 6.50m], lines.Select(l => l.Amount));
        Assert.Equal(11.55m, lines.Sum(l => l.Amount));
    }

    [Fact]
    public void CreditLines_ChosenLines_NegativeCopiesAndAlreadyCreditedRefused()
    {
        var invoice = IssuedInvoice(2.11m, 3.52m, 6.50m);
        var first = invoice.Lines[0].Id;
        var third = invoice.Lines[2].Id;

        var (lines, error) = InvoiceRules.CreditLines(invoice, new HashSet<Guid> { first, third }, new HashSet<Guid>(), Guid.NewGuid());
        Assert.Null(error);
        Assert.Equal([-2.11m, -6.50m], lines.Select(l => l.Amount));
        Assert.Equal([first, third], lines.Select(l => l.CorrectsLineId!.Value));
        Assert.StartsWith("Annulation : ", lines[0].Explanation, StringComparison.Ordinal);

        var (_, again) = InvoiceRules.CreditLines(invoice, new HashSet<Guid> { first }, new HashSet<Guid> { first }, Guid.NewGuid());
        Assert.Equal("Une ligne choisie a déjà été annulée par un avoir.", again!.Message);
        var (_, foreign) = InvoiceRules.CreditLines(invoice, new HashSet<Guid> { Guid.NewGuid() }, new HashSet<Guid>(), Guid.NewGuid());
        Assert.Equal("Une ligne choisie n’appartient pas à cette facture.", foreign!.Message);
        var (_, none) = InvoiceRules.CreditLines(invoice, new HashSet<Guid>(), new HashSet<Guid>(), Guid.NewGuid());
        Assert.NotNull(none);
        invoice.Status = InvoiceStatus.Draft;
        var (_, draft) = InvoiceRules.CreditLines(invoice, new HashSet<Guid> { first }, new HashSet<Guid>(), Guid.NewGuid());
        Assert.Equal("Un avoir corrige une facture émise.", draft!.Message);
    }

    [Fact]
    public void NumberAndRemaining_FormatsAndSettles()
    {
        Assert.Equal("2026-000123", InvoiceRules.Number(2026, 123));
        Assert.Equal(new DateOnly(2026, 12, 23), InvoiceRules.DueOn(new DateOnly(2026, 11, 23)));
        Assert.Equal(5.00m, InvoiceRules.Remaining(12.13m, -2.13m, 5.00m));
        Assert.Equal(0m, InvoiceRules.Remaining(12.13m, -12.13m, 0m));
    }

    [Theory]
    [InlineData(null, "Indiquez le montant reçu.")]
    [InlineData("0", "Le montant reçu est positif.")]
    [InlineData("-5", "Le montant reçu est positif.")]
    [InlineData("1.005", "Un montant s’écrit au centime près.")]
    [InlineData("10.01", "Le montant dépasse le reste à payer ({0} €) : ce paiement a peut-être déjà été enregistré.")]
    [InlineData("1000000", "Le montant reçu est de {0} € au plus.")]
    [InlineData("10", null)]
    public void CheckPayment_BadAmounts_FrenchMessage(string? amount, string? message)
    {
        var value = amount is null ? (decimal?)null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(message, InvoiceRules.CheckPayment(value, 10m)?.Message);
    }

    [Fact]
    public void InvoicesCsv_FrenchConventionsAndFormulaInjection_Neutralised()
    {
        var invoice = IssuedInvoice(-3.52m);
        var hostile = new Invoice { HouseholdName = "=HYPERLINK(\"http://x\";\"a\")", Month = invoice.Month, Number = "2026-000002", Status = InvoiceStatus.Issued, IssuedAt = new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc), Total = 12.5m };

        var bytes = InvoiceDocuments.InvoicesCsv([invoice, hostile], new TenantContext());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("Numéro;Type;Date d’émission;Échéance;Mois facturé;Foyer;", lines[0], StringComparison.Ordinal);
        Assert.Contains(";-3,52", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"a\"\")\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("01/12/2026", lines[2], StringComparison.Ordinal); // 23:30 UTC on 30 November is 1 December in Paris
        Assert.Contains(";12,50", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void TestGateway_SignedAnswer_AuthenticAndAnyChangeRefused()
    {
        var gateway = new TestPaymentGateway(Options.Create(new PaymentGatewayOptions { TestGatewaySecret = "secret-de-test" }));
        var answer = new GatewayMessage("valmont", "abc", 1250, GatewayMessage.Paid, string.Empty);
        answer = answer with { Signature = gateway.Sign(answer) };

        Assert.True(gateway.IsAuthentic(answer));
        Assert.False(gateway.IsAuthentic(answer with { AmountInCents = 1 }));
        Assert.False(gateway.IsAuthentic(answer with { Outcome = GatewayMessage.Refused }));
        Assert.False(gateway.IsAuthentic(answer with { Territory = "autre" }));
        Assert.False(gateway.IsAuthentic(answer with { Signature = "0" }));
        var other = new TestPaymentGateway(Options.Create(new PaymentGatewayOptions { TestGatewaySecret = "autre-secret" }));
        Assert.False(other.IsAuthentic(answer));

        var url = gateway.PaymentPageUrl(new PaymentRequest("valmont", "abc", 1250));
        var signature = url.Split("signature=")[1];
        Assert.True(gateway.IsAuthentic(new PaymentRequest("valmont", "abc", 1250), signature));
        Assert.False(gateway.IsAuthentic(new PaymentRequest("valmont", "abc", 1), signature));
    }

    [Fact]
    public void Pdf_IssuedInvoice_IsAPdf()
    {
        var invoice = IssuedInvoice(2.11m, 3.52m);
        var pdf = InvoiceDocuments.Pdf(new InvoiceStatement(invoice, null, [], [], new HashSet<Guid>()), "Ville de Valmont", new TenantContext());
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
    }

    private static Invoice IssuedInvoice(params decimal[] amounts)
    {
        var invoice = new Invoice { HouseholdName = "Foyer Martin", Month = new DateOnly(2026, 11, 1), Number = "2026-000001", Status = InvoiceStatus.Issued, IssuedAt = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc) };
        invoice.Lines.AddRange(amounts.Select((a, i) => new InvoiceLine
        {
            InvoiceId = invoice.Id,
            Position = i + 1,
            ChildName = "Lucas Martin",
            ServiceName = "Cantine",
            Day = new DateOnly(2026, 11, 3 + i),
            Quantity = 1,
            Unit = BillingUnit.PerDay,
            Explanation = "Cantine — ligne " + i,
            Amount = a,
        }));
        invoice.Total = amounts.Sum();
        return invoice;
    }
}
