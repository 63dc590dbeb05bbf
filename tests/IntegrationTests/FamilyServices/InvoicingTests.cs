using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Invoicing;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>
/// Issue #5, item 6: monthly invoicing from reservations and attendance, issue with gapless numbers, credit
/// notes, payments at the counter and online through the test gateway (signed return, idempotent
/// notification), balances, reminders and exports; who may do what.
/// </summary>
public sealed class InvoicingTests(PreauApp app) : IClassFixture<PreauApp>
{
    private const string October = "2026-10";

    /// <summary>
    /// Two families at school A's canteen in October 2026. Martin-like family A (quotient 650 €, bracket 2 at
    /// 3,20 €): present on the 6th, booked late on the 8th (+20 %), absent with a valid reason on the 9th (not
    /// billed), present without booking on the 12th (fixed 6,50 €): 13,54 €. Family B (no quotient: highest
    /// bracket, 4,10 €): present on the 6th.
    /// </summary>
    private async Task<(TestTerritory T, TestFamily A, TestFamily B, Service Canteen)> ArrangeOctoberAsync()
    {
        var t = await app.CreateTerritoryAsync();
        var families = await app.CreateFamiliesAsync(t, 2);
        var (a, b) = (families[0], families[1]);
        var canteen = await app.CreateServiceAsync(t, t.SchoolA, s => s.LateChanges = LateChangePolicy.AcceptedWithLateTariff);
        await app.RegisterAsync(t, a.ChildId, canteen.Id, a.HouseholdId);
        await app.RegisterAsync(t, b.ChildId, canteen.Id, b.HouseholdId);
        await app.WithDbAsync(t.Id, async db =>
        {
            var version = new TariffVersion
            {
                Kind = ServiceKind.Canteen,
                Label = "Restauration scolaire 2026-2027",
                StartsOn = new DateOnly(2026, 9, 1),
                Unit = BillingUnit.PerDay,
                Brackets =
                [
                    new TariffBracket { Position = 1, LowerBound = 0, UpperBound = 400, UnitPrice = 1.00m },
                    new TariffBracket { Position = 2, LowerBound = 400, UpperBound = 700, UnitPrice = 3.20m },
                    new TariffBracket { Position = 3, LowerBound = 700, UnitPrice = 4.10m },
                ],
                SecondChildReductionPercent = 10,
                FurtherChildReductionPercent = 20,
                LateMode = PenaltyMode.SurchargePercent,
                LateValue = 20,
                NoReservationMode = PenaltyMode.FixedPrice,
                NoReservationValue = 6.50m,
                CreatedBy = t.Agent.Id,
                CreatedAt = DateTime.UnixEpoch,
            };
            version.Publish(t.Agent.Id, DateTime.UnixEpoch);
            db.TariffVersions.Add(version);
            var quotient = new QuotientFamilialRecord { HouseholdId = a.HouseholdId, Amount = 650, ValidFrom = new DateOnly(2026, 9, 1), ValidUntil = new DateOnly(2027, 8, 31), SubmittedAt = DateTime.UnixEpoch };
            quotient.ValidateOnEntry(t.Agent.Id, DateTime.UnixEpoch);
            db.QuotientRecords.Add(quotient);
            var at = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);
            db.ChildDays.AddRange(
                Day(a, canteen, 6, booked: true, late: false, AttendanceMark.Present, at),
                Day(a, canteen, 8, booked: true, late: true, AttendanceMark.NotMarked, at),
                Day(a, canteen, 9, booked: true, late: false, AttendanceMark.AbsentExcused, at),
                Day(a, canteen, 12, booked: false, late: false, AttendanceMark.Present, at),
                Day(b, canteen, 6, booked: true, late: false, AttendanceMark.Present, at));
            return await db.SaveChangesAsync();
        });
        return (t, a, b, canteen);
    }

    private static ChildDay Day(TestFamily family, Service service, int day, bool booked, bool late, AttendanceMark mark, DateTime at)
    {
        var childDay = new ChildDay { ChildId = family.ChildId, ServiceId = service.Id, Day = new DateOnly(2026, 10, day), HouseholdId = family.HouseholdId };
        if (booked)
        {
            childDay.Book(family.HouseholdId, full: false, late, at);
        }

        if (mark != AttendanceMark.NotMarked)
        {
            childDay.Mark(mark, null, null, at, null);
        }

        return childDay;
    }

    private static async Task<Guid> ComputeAsync(HttpClient agent, string month = October)
    {
        var response = await PreauApp.SubmitFormAsync(agent, "/gestion/facturation", new() { ["Input.Month"] = month });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task IssueAsync(HttpClient agent, Guid run)
    {
        var response = await FamilyServicesTestData.ClickAsync(agent, $"/gestion/facturation/{run}", "Issue");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts a handler with the antiforgery token of the page's first form, as a stale or hand-made form would.</summary>
    private static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields, AngleSharp.Html.Dom.IHtmlDocument? page = null)
    {
        page ??= await PreauApp.GetPageAsync(client, url);
        var form = page.Forms.First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        form.SetAttribute("action", $"{url}?handler={handler}");
        return await PreauApp.PostFormAsync(client, url, form, fields);
    }

    private Task<Invoice> InvoiceOfAsync(TestTerritory t, Guid household) =>
        app.WithDbAsync(t.Id, db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.HouseholdId == household && i.Kind == InvoiceKind.Invoice));

    [Fact]
    public async Task DraftRun_October_LinesPricedExplainedAndRecomputeReplacesTheDrafts()
    {
        var (t, a, b, canteen) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);

        var run = await ComputeAsync(agent);

        var invoiceA = await InvoiceOfAsync(t, a.HouseholdId);
        Assert.Equal(InvoiceStatus.Draft, invoiceA.Status);
        Assert.Null(invoiceA.Number);
        Assert.Equal([3.20m, 3.84m, 6.50m], invoiceA.Lines.OrderBy(l => l.Position).Select(l => l.Amount));
        Assert.Equal(13.54m, invoiceA.Total);
        var late = invoiceA.Lines.Single(l => l.Day.Day == 8);
        Assert.True(late.Late);
        Assert.Contains("jeudi 8 octobre 2026", late.Explanation, StringComparison.Ordinal);
        Assert.Contains("tranche 2", late.Explanation, StringComparison.Ordinal);
        Assert.Contains("majoration de 20 %", late.Explanation, StringComparison.Ordinal);
        Assert.True(invoiceA.Lines.Single(l => l.Day.Day == 12).NoReservation);
        Assert.Equal(4.10m, (await InvoiceOfAsync(t, b.HouseholdId)).Total);

        var page = await PreauApp.GetPageAsync(agent, $"/gestion/facturation/{run}");
        Assert.Equal("17,64 €", page.QuerySelector(".run-total")!.TextContent);

        // A guardian never sees a draft.
        using var draft = await (await app.SignInAsync(a.Guardian)).GetAsync($"/factures/{invoiceA.Id}");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);

        // The family's excused absence was in fact unexcused: recomputing replaces the drafts.
        await app.WithDbAsync(t.Id, async db =>
        {
            var day = await db.ChildDays.SingleAsync(d => d.ChildId == a.ChildId && d.Day == new DateOnly(2026, 10, 9));
            day.Mark(AttendanceMark.AbsentUnexcused, null, null, new DateTime(2026, 10, 9, 12, 0, 0, DateTimeKind.Utc), null);
            return await db.SaveChangesAsync();
        });
        var recomputed = await FamilyServicesTestData.ClickAsync(agent, $"/gestion/facturation/{run}", "Recompute");
        Assert.Equal(HttpStatusCode.Redirect, recomputed.StatusCode);
        Assert.Equal(16.74m, (await InvoiceOfAsync(t, a.HouseholdId)).Total);
        var counts = await app.WithDbAsync(t.Id, async db => (await db.Invoices.CountAsync(), await db.InvoiceRuns.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == FamilyAuditAction.InvoiceRunComputed)));
        Assert.Equal((2, 1, 2), counts);
    }

    [Theory]
    [InlineData("", "Indiquez le mois à facturer.")]
    [InlineData("<script>", "Le mois s’écrit AAAA-MM")]
    [InlineData("2026-13", "Le mois s’écrit AAAA-MM")]
    [InlineData("2027-01", "Un mois à venir ne se facture pas encore")]
    public async Task DraftRun_BadMonth_FrenchMessageAndNothingSaved(string month, string message)
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);

        var response = await PreauApp.SubmitFormAsync(agent, "/gestion/facturation", new() { ["Input.Month"] = month });

        Assert.Contains(message, await FamilyServicesTestData.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.InvoiceRuns.CountAsync()));
    }

    [Fact]
    public async Task Issue_Run_GaplessNumbersFamiliesNotifiedAndReissueRefused()
    {
        var (t, a, b, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        var run = await ComputeAsync(agent);
        var stale = await PreauApp.GetPageAsync(agent, $"/gestion/facturation/{run}");

        await IssueAsync(agent, run);

        var invoices = await app.WithDbAsync(t.Id, db => db.Invoices.AsNoTracking().OrderBy(i => i.Number).ToListAsync());
        Assert.Equal(["2026-000001", "2026-000002"], invoices.Select(i => i.Number));
        Assert.All(invoices, i => Assert.Equal(new DateOnly(2026, 12, 23), i.DueOn));
        var outbox = await app.WithDbAsync(t.Id, db => db.Outbox.AsNoTracking().Where(m => m.Type.Contains("NotificationRequested")).Select(m => m.Payload).ToListAsync());
        Assert.Contains(outbox, p => p.Contains(a.Guardian.Id.ToString(), StringComparison.Ordinal) && p.Contains(b.Guardian.Id.ToString(), StringComparison.Ordinal));

        // Issuing again, or recomputing, changes nothing and says why (the buttons are gone: the forms are posted as a stale page would).
        var again = await PostHandlerAsync(agent, $"/gestion/facturation/{run}", "Issue", [], stale);
        Assert.Contains("déjà émises", await FamilyServicesTestData.ErrorsAsync(again), StringComparison.Ordinal);
        var recompute = await PreauApp.SubmitFormAsync(agent, "/gestion/facturation", new() { ["Input.Month"] = October });
        Assert.Contains("déjà émises", await FamilyServicesTestData.ErrorsAsync(recompute), StringComparison.Ordinal);
        var after = await app.WithDbAsync(t.Id, db => db.Invoices.AsNoTracking().OrderBy(i => i.Number).ToListAsync());
        Assert.Equal(invoices.Select(i => (i.Id, i.Number, i.Total)), after.Select(i => (i.Id, i.Number, i.Total)));
        Assert.Equal(2, await app.WithDbAsync(t.Id, db => db.InvoiceNumberCounters.Select(c => c.Last).SingleAsync()));

        // The family reads its invoice as a page and as a PDF.
        var guardian = await app.SignInAsync(a.Guardian);
        var invoiceA = invoices.Single(i => i.HouseholdId == a.HouseholdId);
        var page = await PreauApp.GetPageAsync(guardian, $"/factures/{invoiceA.Id}");
        Assert.Equal("13,54 €", page.QuerySelector(".invoice-total")!.TextContent);
        Assert.Contains("Présence sans réservation", page.QuerySelector(".invoice-lines")!.TextContent, StringComparison.Ordinal);
        using var pdf = await guardian.GetAsync($"/factures/{invoiceA.Id}/facture.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
        using var api = await guardian.GetAsync($"/api/v1/family/invoices/{invoiceA.Id}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(invoiceA.Number, json.GetProperty("number").GetString());
        Assert.Equal(3, json.GetProperty("lines").GetArrayLength());
        Assert.Equal(13.54m, json.GetProperty("remaining").GetDecimal());
        var mine = await PreauApp.GetPageAsync(guardian, "/famille/factures");
        Assert.Contains("Reste à payer : 13,54 €", mine.QuerySelector(".balance")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(invoices.Single(i => i.HouseholdId == b.HouseholdId).Id.ToString(), mine.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_OtherHouseholdOtherProfileOtherTerritory_Answers404EverywhereAndAgentPagesRefused()
    {
        var (t, a, b, _) = await ArrangeOctoberAsync();
        var other = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        var run = await ComputeAsync(agent);
        await IssueAsync(agent, run);
        var invoiceA = await InvoiceOfAsync(t, a.HouseholdId);

        foreach (var account in new[] { b.Guardian, t.TeacherA, t.HeadA, t.AfterSchoolA, other.Agent, other.GuardianA })
        {
            var client = await app.SignInAsync(account);
            foreach (var url in new[] { $"/factures/{invoiceA.Id}", $"/factures/{invoiceA.Id}/facture.pdf", $"/api/v1/family/invoices/{invoiceA.Id}", $"/famille/factures?foyer={a.HouseholdId}" })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{account.Login} got {(int)response.StatusCode} for {url}");
            }
        }

        // Agent pages and actions are the agent's.
        var guardianB = await app.SignInAsync(b.Guardian);
        foreach (var url in new[] { "/gestion/facturation", $"/gestion/facturation/{run}", "/gestion/facturation/soldes", "/gestion/facturation/soldes?handler=InvoicesCsv&mois=2026-11" })
        {
            using var response = await guardianB.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var otherAgent = await (await app.SignInAsync(other.Agent)).GetAsync($"/gestion/facturation/{run}");
        Assert.Equal(HttpStatusCode.NotFound, otherAgent.StatusCode);

        // A guardian cannot record a payment or a credit note on their own invoice.
        var guardianA = await app.SignInAsync(a.Guardian);
        var payment = await PostHandlerAsync(guardianA, $"/factures/{invoiceA.Id}", "Payment", new() { ["Payment.Amount"] = "13,54", ["Payment.Method"] = "Cash", ["Payment.ReceivedOn"] = "2026-11-23" });
        Assert.Equal(HttpStatusCode.NotFound, payment.StatusCode);
        var credit = await PostHandlerAsync(guardianA, $"/factures/{invoiceA.Id}", "CreditNote", new() { ["CreditNote.Lines"] = invoiceA.Lines[0].Id.ToString(), ["CreditNote.Reason"] = "Je ne veux pas payer" });
        Assert.Equal(HttpStatusCode.NotFound, credit.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.Payments.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(t.Id, db => db.Invoices.CountAsync(i => i.HouseholdId == a.HouseholdId)));

        // The API lists only the caller's households.
        var list = await guardianA.GetStringAsync("/api/v1/family/invoices");
        Assert.Contains(invoiceA.Id.ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain(b.HouseholdId.ToString(), list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreditNote_ChosenLines_NegativeNumberedAuditedAndALineCreditedOnce()
    {
        var (t, a, _, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var invoiceA = await InvoiceOfAsync(t, a.HouseholdId);
        var late = invoiceA.Lines.Single(l => l.Late).Id.ToString();
        var url = $"/factures/{invoiceA.Id}";

        var noReason = await PreauApp.SubmitFormAsync(agent, url, new() { ["CreditNote.Lines"] = late, ["CreditNote.Reason"] = "" }, "CreditNote");
        Assert.Contains("Ce champ est obligatoire.", await FamilyServicesTestData.ErrorsAsync(noReason), StringComparison.Ordinal);
        var markup = await PreauApp.SubmitFormAsync(agent, url, new() { ["CreditNote.Lines"] = late, ["CreditNote.Reason"] = "<script>alert(1)</script>" }, "CreditNote");
        Assert.Contains("Les caractères < et > ne sont pas acceptés.", await FamilyServicesTestData.ErrorsAsync(markup), StringComparison.Ordinal);
        var foreign = await PreauApp.SubmitFormAsync(agent, url, new() { ["CreditNote.Lines"] = Guid.NewGuid().ToString(), ["CreditNote.Reason"] = "Erreur" }, "CreditNote");
        Assert.Contains("n’appartient pas à cette facture", await FamilyServicesTestData.ErrorsAsync(foreign), StringComparison.Ordinal);

        var issued = await PreauApp.SubmitFormAsync(agent, url, new() { ["CreditNote.Lines"] = late, ["CreditNote.Reason"] = "Réservation faite à temps au guichet" }, "CreditNote");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var twice = await PreauApp.SubmitFormAsync(agent, url, new() { ["CreditNote.Lines"] = late, ["CreditNote.Reason"] = "Encore" }, "CreditNote");
        Assert.Contains("déjà été annulée", await FamilyServicesTestData.ErrorsAsync(twice), StringComparison.Ordinal);

        var note = await app.WithDbAsync(t.Id, db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Kind == InvoiceKind.CreditNote));
        Assert.Equal("2026-000003", note.Number);
        Assert.Equal(-3.84m, note.Total);
        Assert.Equal(invoiceA.Id, note.CorrectsInvoiceId);
        Assert.Equal(13.54m, (await InvoiceOfAsync(t, a.HouseholdId)).Total);
        Assert.True(await app.WithDbAsync(t.Id, db => db.AuditEntries.AnyAsync(e => e.Action == FamilyAuditAction.CreditNoteIssued && e.SubjectId == invoiceA.Id)));

        var page = await PreauApp.GetPageAsync(await app.SignInAsync(a.Guardian), url);
        Assert.Equal("9,70 €", page.QuerySelector(".invoice-remaining")!.TextContent);
    }

    [Fact]
    public async Task RecordPayment_AtTheCounter_BalanceFallsAndOverpaymentOrBadInputRefused()
    {
        var (t, a, _, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var invoiceA = await InvoiceOfAsync(t, a.HouseholdId);
        var url = $"/factures/{invoiceA.Id}";
        Dictionary<string, string> Form(string amount, string method = "Cheque", string on = "2026-11-23", string reference = "CHQ 1234567") =>
            new() { ["Payment.Amount"] = amount, ["Payment.Method"] = method, ["Payment.Reference"] = reference, ["Payment.ReceivedOn"] = on };

        foreach (var (form, message) in new[]
        {
            (Form("-5"), "Le montant reçu est positif."),
            (Form("abc"), "Saisissez un montant"),
            (Form("13,55"), "Le montant dépasse le reste à payer (13,54 €)"),
            (Form("10", on: "2026-12-01"), "Indiquez la date de réception"),
            (Form("10", method: "Online"), "Choisissez le moyen de paiement"),
            (Form("10", reference: "<b>"), "Les caractères < et > ne sont pas acceptés."),
        })
        {
            var refused = await PreauApp.SubmitFormAsync(agent, url, form, "Payment");
            Assert.Contains(message, await FamilyServicesTestData.ErrorsAsync(refused), StringComparison.Ordinal);
        }

        var stale = await PreauApp.GetPageAsync(agent, url);
        Assert.Equal(HttpStatusCode.Redirect, (await PreauApp.SubmitFormAsync(agent, url, Form("10,00"), "Payment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PreauApp.SubmitFormAsync(agent, url, Form("3,54", method: "Cesu", reference: ""), "Payment")).StatusCode);
        var third = await PostHandlerAsync(agent, url, "Payment", Form("10,00"), stale);
        Assert.Contains("ce paiement a peut-être déjà été enregistré", await FamilyServicesTestData.ErrorsAsync(third), StringComparison.Ordinal);

        var payments = await app.WithDbAsync(t.Id, db => db.Payments.AsNoTracking().ToListAsync());
        Assert.Equal(13.54m, payments.Sum(p => p.Amount));
        Assert.All(payments, p => Assert.Equal(t.Agent.Id, p.RecordedBy));
        Assert.Equal(2, await app.WithDbAsync(t.Id, db => db.AuditEntries.CountAsync(e => e.Action == FamilyAuditAction.PaymentRecorded)));
        var mine = await PreauApp.GetPageAsync(await app.SignInAsync(a.Guardian), "/famille/factures");
        Assert.Contains("Tout est réglé.", mine.QuerySelector(".balance")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_InvoicedAmountPerService_IssuedInvoicesOnly()
    {
        var (t, _, _, canteen) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        const string url = "/api/v1/family/statistics?from=2026-10&to=2026-10&month=2026-10";
        async Task<(decimal Total, decimal Canteen)> InvoicedAsync()
        {
            var json = System.Text.Json.JsonDocument.Parse(await agent.GetStringAsync(url)).RootElement;
            var service = json.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("serviceId").GetGuid() == canteen.Id);
            return (json.GetProperty("invoicedAmount").GetDecimal(), service.GetProperty("estimate").GetProperty("invoiced").GetDecimal());
        }

        var run = await ComputeAsync(agent);
        Assert.Equal((0m, 0m), await InvoicedAsync());

        await IssueAsync(agent, run);

        var issued = await app.WithDbAsync(t.Id, db => db.Invoices.AsNoTracking().Select(i => i.Total).ToListAsync());
        Assert.Equal((issued.Sum(), issued.Sum()), await InvoicedAsync());
        var page = await PreauApp.GetPageAsync(agent, "/gestion/statistiques?du=2026-10&au=2026-10&mois=2026-10");
        Assert.Contains($"Facturé (factures émises, avoirs déduits) : {issued.Sum().ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} €.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_InvoicesAndIssuesTheMonth_RefusesBadInputInFrench()
    {
        var (t, _, _, _) = await ArrangeOctoberAsync();
        async Task<(int Exit, string Output)> InvoiceAsync(string slug, string month, bool issue)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var output = new StringWriter();
            var exit = await scope.ServiceProvider.GetRequiredService<Preau.FamilyServices.Contracts.IInvoicingCommandLine>().InvoiceAsync(slug, month, issue, output, CancellationToken.None);
            return (exit, output.ToString());
        }

        var unknown = await InvoiceAsync("inconnu", "2026-10", true);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("Territoire inconnu : « inconnu ».", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("Mois illisible", (await InvoiceAsync(t.Slug, "octobre'; --", true)).Output, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.Invoices.CountAsync()));

        var (exit, output) = await InvoiceAsync(t.Slug, "2026-10", issue: true);

        Assert.Equal(0, exit);
        Assert.Contains("Brouillons de octobre 2026 calculés", output, StringComparison.Ordinal);
        Assert.Contains("2 factures, ", output, StringComparison.Ordinal);
        Assert.Contains("2 enfants", output, StringComparison.Ordinal);
        Assert.Contains("2 factures numérotées", output, StringComparison.Ordinal);
        Assert.Equal(["2026-000001", "2026-000002"], await app.WithDbAsync(t.Id, db => db.Invoices.AsNoTracking().OrderBy(i => i.Number).Select(i => i.Number!).ToListAsync()));
        var again = await InvoiceAsync(t.Slug, "2026-10", issue: true);
        Assert.Equal(2, again.Exit);
        Assert.Contains("déjà émises", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordPayment_SameChequeEnteredTwiceAtOnce_OnlyOneRecorded()
    {
        var (t, a, _, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var url = $"/factures/{(await InvoiceOfAsync(t, a.HouseholdId)).Id}";
        var form = new Dictionary<string, string> { ["Payment.Amount"] = "13,54", ["Payment.Method"] = "Cheque", ["Payment.Reference"] = "CHQ 7654321", ["Payment.ReceivedOn"] = "2026-11-23" };
        var pages = await Task.WhenAll(PreauApp.GetPageAsync(agent, url), PreauApp.GetPageAsync(agent, url));

        var answers = await Task.WhenAll(pages.Select(page => PostHandlerAsync(agent, url, "Payment", form, page)));

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(13.54m, (await app.WithDbAsync(t.Id, db => db.Payments.AsNoTracking().ToListAsync())).Single().Amount);
    }

    [Fact]
    public async Task OnlinePayment_AcceptedAtTheTestBank_ReturnAndDuplicateNotificationsRecordOnePayment()
    {
        var (t, a, _, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var invoiceA = await InvoiceOfAsync(t, a.HouseholdId);
        var guardian = await app.SignInAsync(a.Guardian);

        var stale = await PreauApp.GetPageAsync(guardian, $"/factures/{invoiceA.Id}");
        var start = await FamilyServicesTestData.ClickAsync(guardian, $"/factures/{invoiceA.Id}", "Pay");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var bankUrl = start.Headers.Location!.OriginalString;
        Assert.StartsWith("/paiement-test?", bankUrl, StringComparison.Ordinal);
        Assert.Contains("montant=1354", bankUrl, StringComparison.Ordinal);

        var bank = app.CreateBrowserClient();
        var accepted = await PreauApp.SubmitFormAsync(bank, bankUrl, new() { ["decision"] = "accepter" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var returnUrl = accepted.Headers.Location!.OriginalString;
        Assert.StartsWith("/famille/factures/paiement?", returnUrl, StringComparison.Ordinal);

        var back = await PreauApp.GetPageAsync(guardian, returnUrl);
        Assert.Contains("Paiement accepté", back.QuerySelector(".payment-outcome")!.TextContent, StringComparison.Ordinal);

        // The bank notifies again (retries are normal): same answer, nothing new.
        var query = System.Web.HttpUtility.ParseQueryString(returnUrl.Split('?')[1]);
        var notification = new Dictionary<string, string> { ["transaction"] = query["transaction"]!, ["montant"] = query["montant"]!, ["resultat"] = query["resultat"]!, ["signature"] = query["signature"]! };
        for (var i = 0; i < 2; i++)
        {
            using var response = await app.CreateBrowserClient().PostAsync($"/api/v1/territoires/{t.Slug}/paiements/notification", new FormUrlEncodedContent(notification));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("AlreadyReceived", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var payments = await app.WithDbAsync(t.Id, db => db.Payments.AsNoTracking().ToListAsync());
        var payment = Assert.Single(payments);
        Assert.Equal((13.54m, PaymentMethod.Online, invoiceA.Id), (payment.Amount, payment.Method, payment.InvoiceId));
        Assert.True(await app.WithDbAsync(t.Id, db => db.AuditEntries.AnyAsync(e => e.Action == FamilyAuditAction.OnlinePaymentReceived)));
        var page = await PreauApp.GetPageAsync(guardian, $"/factures/{invoiceA.Id}");
        Assert.Equal("0,00 €", page.QuerySelector(".invoice-remaining")!.TextContent);
        var nothingLeft = await PostHandlerAsync(guardian, $"/factures/{invoiceA.Id}", "Pay", [], stale);
        Assert.Contains("n’a plus rien à payer", await FamilyServicesTestData.ErrorsAsync(nothingLeft), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentNotification_SameAnswerFourTimesAtOnce_OnePaymentRecorded()
    {
        var (t, a, _, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var invoiceA = await InvoiceOfAsync(t, a.HouseholdId);
        var start = await FamilyServicesTestData.ClickAsync(await app.SignInAsync(a.Guardian), $"/factures/{invoiceA.Id}", "Pay");
        var transaction = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.OriginalString.Split('?')[1])["transaction"]!;
        var answer = new GatewayMessage(t.Slug, transaction, 1354, GatewayMessage.Paid, string.Empty);
        var form = new Dictionary<string, string> { ["transaction"] = transaction, ["montant"] = "1354", ["resultat"] = "paye", ["signature"] = app.Services.GetRequiredService<TestPaymentGateway>().Sign(answer) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CreateBrowserClient().PostAsync($"/api/v1/territoires/{t.Slug}/paiements/notification", new FormUrlEncodedContent(form))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var outcomes = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(outcomes, o => o.Contains("\"Paid\"", StringComparison.Ordinal));
        Assert.Equal(3, outcomes.Count(o => o.Contains("AlreadyReceived", StringComparison.Ordinal)));
        Assert.Equal(13.54m, (await app.WithDbAsync(t.Id, db => db.Payments.AsNoTracking().ToListAsync())).Single().Amount);
    }

    [Fact]
    public async Task PaymentNotification_ForgedSignatureChangedAmountOrMalformed_RefusedInFrenchNothingRecorded()
    {
        var (t, a, _, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var invoiceA = await InvoiceOfAsync(t, a.HouseholdId);
        var guardian = await app.SignInAsync(a.Guardian);
        var start = await FamilyServicesTestData.ClickAsync(guardian, $"/factures/{invoiceA.Id}", "Pay");
        var transaction = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.OriginalString.Split('?')[1])["transaction"]!;
        var gateway = app.Services.GetRequiredService<TestPaymentGateway>();
        var endpoint = $"/api/v1/territoires/{t.Slug}/paiements/notification";

        async Task<string> RefusedAsync(Dictionary<string, string> form)
        {
            using var response = await app.CreateBrowserClient().PostAsync(endpoint, new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return await response.Content.ReadAsStringAsync();
        }

        var forged = new Dictionary<string, string> { ["transaction"] = transaction, ["montant"] = "1354", ["resultat"] = "paye", ["signature"] = new string('a', 64) };
        Assert.Contains("n’est pas authentique", await RefusedAsync(forged), StringComparison.Ordinal);

        // Signed by the bank, but for one cent: the amount does not match the payment asked for.
        var cheap = new GatewayMessage(t.Slug, transaction, 1, GatewayMessage.Paid, string.Empty);
        var signedCheap = new Dictionary<string, string> { ["transaction"] = transaction, ["montant"] = "1", ["resultat"] = "paye", ["signature"] = gateway.Sign(cheap) };
        Assert.Contains("ne correspond pas au paiement demandé", await RefusedAsync(signedCheap), StringComparison.Ordinal);
        Assert.Contains("incomplète", await RefusedAsync(new() { ["transaction"] = transaction, ["montant"] = "douze" }), StringComparison.Ordinal);
        using var unknownTerritory = await app.CreateBrowserClient().PostAsync("/api/v1/territoires/nulle-part/paiements/notification", new FormUrlEncodedContent(forged));
        Assert.Equal(HttpStatusCode.NotFound, unknownTerritory.StatusCode);

        // The same forgery through the family's return page: a message, nothing recorded.
        var back = await PreauApp.GetPageAsync(guardian, $"/famille/factures/paiement?transaction={transaction}&montant=1354&resultat=paye&signature={new string('b', 64)}");
        Assert.Contains("n’est pas authentique", back.QuerySelector(".payment-outcome")!.TextContent, StringComparison.Ordinal);

        // A bank page reached with a tampered amount refuses to take the payment.
        var bankPage = await PreauApp.GetPageAsync(app.CreateBrowserClient(), start.Headers.Location!.OriginalString.Replace("montant=1354", "montant=1", StringComparison.Ordinal));
        Assert.Contains("la signature de la commune ne correspond pas", bankPage.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.Payments.CountAsync()));
        Assert.Equal(OnlinePaymentStatus.Started, await app.WithDbAsync(t.Id, db => db.OnlinePayments.Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Balances_OverdueHouseholdRemindedAndAccountingExportsAsFrenchCsv()
    {
        var (t, a, b, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var invoiceB = await InvoiceOfAsync(t, b.HouseholdId);
        await PreauApp.SubmitFormAsync(agent, $"/factures/{invoiceB.Id}", new() { ["Payment.Amount"] = "4,10", ["Payment.Method"] = "Transfer", ["Payment.Reference"] = "=cmd|' /C calc'!A0", ["Payment.ReceivedOn"] = "2026-11-23" }, "Payment");

        // Family A's invoice fell due (as if a month had passed).
        await app.WithDbAsync(t.Id, db => db.Invoices.Where(i => i.HouseholdId == a.HouseholdId).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueOn, new DateOnly(2026, 11, 1))));

        var page = await PreauApp.GetPageAsync(agent, "/gestion/facturation/soldes");
        var rows = page.QuerySelectorAll("table.balances tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("13,54 €", row.TextContent, StringComparison.Ordinal);
        var reminded = await FamilyServicesTestData.ClickAsync(agent, "/gestion/facturation/soldes", "Remind");
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        var reminders = await app.WithDbAsync(t.Id, db => db.Outbox.AsNoTracking().Where(m => m.Payload.Contains(SendReminders.Category)).Select(m => m.Payload).ToListAsync());
        var reminder = Assert.Single(reminders);
        Assert.Contains(a.Guardian.Id.ToString(), reminder, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Guardian.Id.ToString(), reminder, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(t.Id, db => db.AuditEntries.AnyAsync(e => e.Action == FamilyAuditAction.ReminderSent && e.SubjectId == a.HouseholdId)));
        await app.RunOutboxAsync();

        using var invoicesCsv = await agent.GetAsync("/gestion/facturation/soldes?handler=InvoicesCsv&mois=2026-11");
        Assert.Equal("text/csv", invoicesCsv.Content.Headers.ContentType!.MediaType);
        var invoiceBytes = await invoicesCsv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), invoiceBytes[..3]);
        var invoiceLines = Encoding.UTF8.GetString(invoiceBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, invoiceLines.Length);
        Assert.StartsWith("2026-000001;Facture;23/11/2026;", invoiceLines[1], StringComparison.Ordinal);
        Assert.Contains(invoiceLines, l => l.StartsWith("2026-00000", StringComparison.Ordinal) && l.Contains(";23/12/2026;2026-10;", StringComparison.Ordinal));
        Assert.Contains(invoiceLines, l => l.Contains(";13,54", StringComparison.Ordinal));

        var paymentsCsv = Encoding.UTF8.GetString(await agent.GetByteArrayAsync("/gestion/facturation/soldes?handler=PaymentsCsv&mois=2026-11"));
        Assert.Contains("23/11/2026;", paymentsCsv, StringComparison.Ordinal);
        Assert.Contains(";Virement;'=cmd|' /C calc'!A0;4,10", paymentsCsv, StringComparison.Ordinal);

        var badMonth = await agent.GetAsync("/gestion/facturation/soldes?handler=InvoicesCsv&mois=%3Cscript%3E");
        Assert.Contains("Le mois s’écrit AAAA-MM", await FamilyServicesTestData.ErrorsAsync(badMonth), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalData_GuardianDownloadsTheHouseholdsInvoicesAndPayments_NotAnotherFamilys_DeletionKeepsTheInvoice()
    {
        var (t, a, b, _) = await ArrangeOctoberAsync();
        var agent = await app.SignInAsync(t.Agent);
        await IssueAsync(agent, await ComputeAsync(agent));
        var (invoiceA, invoiceB) = (await InvoiceOfAsync(t, a.HouseholdId), await InvoiceOfAsync(t, b.HouseholdId));
        var cheque = new Dictionary<string, string> { ["Payment.Amount"] = "10,00", ["Payment.Method"] = "Cheque", ["Payment.Reference"] = "CHQ 7654321", ["Payment.ReceivedOn"] = "2026-11-23" };
        Assert.Equal(HttpStatusCode.Redirect, (await PreauApp.SubmitFormAsync(agent, $"/factures/{invoiceA.Id}", cheque, "Payment")).StatusCode);
        var guardian = await app.SignInAsync(a.Guardian);
        Assert.Equal(HttpStatusCode.Redirect, (await FamilyServicesTestData.ClickAsync(guardian, $"/factures/{invoiceA.Id}", "Pay")).StatusCode);

        var json = await guardian.GetStringAsync("/compte/mes-donnees?handler=Download");

        Assert.Contains(invoiceA.Number!, json, StringComparison.Ordinal);
        Assert.Contains(invoiceA.Lines[0].Explanation, json, StringComparison.Ordinal);
        Assert.Contains("CHQ 7654321", json, StringComparison.Ordinal);
        Assert.Contains("PaiementsEnLigneCommencés", json, StringComparison.Ordinal);
        Assert.DoesNotContain(invoiceB.Number!, json, StringComparison.Ordinal);
        var otherFamily = await (await app.SignInAsync(b.Guardian)).GetStringAsync("/compte/mes-donnees?handler=Download");
        Assert.Contains(invoiceB.Number!, otherFamily, StringComparison.Ordinal);
        Assert.DoesNotContain(invoiceA.Number!, otherFamily, StringComparison.Ordinal);
        Assert.DoesNotContain("CHQ 7654321", otherFamily, StringComparison.Ordinal);
        Assert.Contains("PaiementsEnregistrésParVous", await agent.GetStringAsync("/compte/mes-donnees?handler=Download"), StringComparison.Ordinal);

        var deleted = await PreauApp.SubmitFormAsync(guardian, "/compte/mes-donnees", new() { ["Input.Password"] = PreauApp.Password, ["Input.Understood"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var kept = await InvoiceOfAsync(t, a.HouseholdId);
        Assert.Equal((invoiceA.Number, invoiceA.Total, invoiceA.HouseholdName, invoiceA.Lines.Count), (kept.Number, kept.Total, kept.HouseholdName, kept.Lines.Count));
        var started = Assert.Single(await app.WithDbAsync(t.Id, db => db.OnlinePayments.AsNoTracking().ToListAsync()));
        Assert.Equal(Guid.Empty, started.StartedBy);
        Assert.Equal(10.00m, (await app.WithDbAsync(t.Id, db => db.Payments.AsNoTracking().SingleAsync())).Amount);
    }
}
