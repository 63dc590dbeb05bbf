using Preau.FamilyServices.Services;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Tariffs;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>Issue #5, items 5 and 6: tariff grids as data, versioned by date, and the amount calculator.</summary>
public sealed class TariffTests(PreauApp app) : IClassFixture<PreauApp>
{
    private static readonly Dictionary<string, string> CanteenGrid = new()
    {
        ["Input.Label"] = "Cantine 2026-2027",
        ["Input.Unit"] = "PerDay",
        ["Input.Brackets[0].LowerBound"] = "0",
        ["Input.Brackets[0].UpperBound"] = "400",
        ["Input.Brackets[0].UnitPrice"] = "1,00",
        ["Input.Brackets[1].LowerBound"] = "400",
        ["Input.Brackets[1].UpperBound"] = "800",
        ["Input.Brackets[1].UnitPrice"] = "2,35",
        ["Input.Brackets[2].LowerBound"] = "800",
        ["Input.Brackets[2].UpperBound"] = "",
        ["Input.Brackets[2].UnitPrice"] = "4.10",
        ["Input.SecondChildReductionPercent"] = "10",
        ["Input.FurtherChildReductionPercent"] = "20",
        ["Input.LateMode"] = "SurchargePercent",
        ["Input.LateValue"] = "25",
        ["Input.NoReservationMode"] = "FixedPrice",
        ["Input.NoReservationValue"] = "6,50",
    };

    private async Task<Guid> PublishCanteenAsync(HttpClient agent, string startsOn)
    {
        var created = await PreauApp.SubmitFormAsync(agent, "/tarifs", new() { ["Input.Kind"] = "Canteen", ["Input.StartsOn"] = startsOn });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var saved = await FamilyServicesTestData.ClickAsync(agent, url, "Save", new(CanteenGrid) { ["Input.StartsOn"] = startsOn });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var published = await FamilyServicesTestData.ClickAsync(agent, url, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return Guid.Parse(url.Split('/')[^1]);
    }

    [Fact]
    public async Task SaveDraft_GapOrOverlapBetweenBrackets_FrenchMessageAndNothingChanged()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        var created = await PreauApp.SubmitFormAsync(agent, "/tarifs", new() { ["Input.Kind"] = "Canteen", ["Input.StartsOn"] = "2026-09-01" });
        var url = created.Headers.Location!.OriginalString;

        var gap = await FamilyServicesTestData.ClickAsync(agent, url, "Save", new(CanteenGrid) { ["Input.Brackets[1].LowerBound"] = "450" });
        Assert.Contains("Trou entre les tranches 1 et 2 : les quotients de 400,00 € à moins de 450,00 € n’ont pas de tarif.", await FamilyServicesTestData.ErrorsAsync(gap), StringComparison.Ordinal);
        var overlap = await FamilyServicesTestData.ClickAsync(agent, url, "Save", new(CanteenGrid) { ["Input.Brackets[1].LowerBound"] = "350" });
        Assert.Contains("se chevauchent", await FamilyServicesTestData.ErrorsAsync(overlap), StringComparison.Ordinal);
        var hostile = await FamilyServicesTestData.ClickAsync(agent, url, "Save", new(CanteenGrid) { ["Input.Brackets[0].UnitPrice"] = "<script>" });
        Assert.Contains("n’est pas un nombre", await FamilyServicesTestData.ErrorsAsync(hostile), StringComparison.Ordinal);

        var draft = await app.WithDbAsync(t.Id, db => db.TariffVersions.SingleAsync());
        Assert.Single(draft.Brackets);
        Assert.Equal(0m, draft.Brackets[0].UnitPrice);
    }

    [Fact]
    public async Task Publish_ThenNewVersion_PastRefusedFutureAppliesFromItsDateAndBothAudited()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        var first = await PublishCanteenAsync(agent, "2026-09-01");

        // Today (23 November 2026) is refused once a version is published: those days may be invoiced.
        var created = await PreauApp.SubmitFormAsync(agent, "/tarifs", new() { ["Input.Kind"] = "Canteen", ["Input.StartsOn"] = "2026-11-23" });
        Assert.Contains("au plus tôt demain", await FamilyServicesTestData.ErrorsAsync(created), StringComparison.Ordinal);

        created = await PreauApp.SubmitFormAsync(agent, "/tarifs", new() { ["Input.Kind"] = "Canteen", ["Input.StartsOn"] = "2027-01-01" });
        var url = created.Headers.Location!.OriginalString;
        var copy = await PreauApp.GetPageAsync(agent, url);
        Assert.Equal("2,35", ((AngleSharp.Html.Dom.IHtmlInputElement)copy.QuerySelector("#b-price-1")!).Value);
        await FamilyServicesTestData.ClickAsync(agent, url, "Save", new(CanteenGrid) { ["Input.StartsOn"] = "2027-01-01", ["Input.Brackets[1].UnitPrice"] = "2,50" });
        await FamilyServicesTestData.ClickAsync(agent, url, "Publish");

        var (december, january) = await app.InTerritoryAsync(t.Id, async sp =>
        {
            var queries = sp.GetRequiredService<TariffQueries>();
            return ((await queries.InForceAsync(ServiceKind.Canteen, null, new DateOnly(2026, 12, 31), default))!.Id,
                    (await queries.InForceAsync(ServiceKind.Canteen, null, new DateOnly(2027, 1, 4), default))!);
        });
        Assert.Equal(first, december);
        Assert.Equal(2.50m, january.Brackets.Single(b => b.LowerBound == 400).UnitPrice);
        var audit = await app.WithDbAsync(t.Id, db => db.AuditEntries.Where(e => e.Action == FamilyAuditAction.TariffPublished).CountAsync());
        Assert.Equal(2, audit);

        var frozen = await PreauApp.GetPageAsync(agent, $"/tarifs/{first}");
        Assert.DoesNotContain(frozen.Forms, f => (f.GetAttribute("action") ?? string.Empty).Contains("handler=Save", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulator_Qf650TwoChildrenAtTheCanteen_ShowsEachLineAndTheTotal()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        await PublishCanteenAsync(agent, "2026-09-01");

        var page = await PreauApp.GetPageAsync(agent, "/tarifs/simulateur?Input.Kind=Canteen&Input.Day=2027-01-12&Input.Quotient=650&Input.Children=2&Input.Quantity=1");

        var result = page.QuerySelector("table.simulation")!.TextContent;
        Assert.Contains("tranche 2", result, StringComparison.Ordinal);
        Assert.Contains("réduction de 10 %", result, StringComparison.Ordinal);
        Assert.Equal("4,46 €", page.QuerySelector(".simulation__total")!.TextContent); // 2,35 + (2,35 − 0,24)
    }

    [Fact]
    public async Task PriceServiceDay_ValidatedQuotientAndLateBooking_PricesWithItsReasons()
    {
        var t = await app.CreateTerritoryAsync();
        await PublishCanteenAsync(await app.SignInAsync(t.Agent), "2026-09-01");
        var household = Guid.NewGuid();
        await app.WithDbAsync(t.Id, async db =>
        {
            var record = new QuotientFamilialRecord { HouseholdId = household, Amount = 650, ValidFrom = new DateOnly(2026, 9, 1), ValidUntil = new DateOnly(2027, 8, 31), SubmittedAt = DateTime.UnixEpoch };
            record.ValidateOnEntry(t.Agent.Id, DateTime.UnixEpoch);
            db.QuotientRecords.Add(record);
            return await db.SaveChangesAsync();
        });

        var (line, error) = await app.InTerritoryAsync(t.Id, sp => sp.GetRequiredService<PriceServiceDay>()
            .HandleAsync(new ServiceDayToPrice(household, ServiceKind.Canteen, null, new DateOnly(2026, 11, 24), 1, 1, Late: true, NoReservation: false), default));
        var (withoutQuotient, _) = await app.InTerritoryAsync(t.Id, sp => sp.GetRequiredService<PriceServiceDay>()
            .HandleAsync(new ServiceDayToPrice(Guid.NewGuid(), ServiceKind.Canteen, null, new DateOnly(2026, 11, 24), 1, 1, false, false), default));
        var (_, beforeAnyTariff) = await app.InTerritoryAsync(t.Id, sp => sp.GetRequiredService<PriceServiceDay>()
            .HandleAsync(new ServiceDayToPrice(household, ServiceKind.Canteen, null, new DateOnly(2026, 8, 31), 1, 1, false, false), default));

        Assert.Null(error);
        Assert.Equal(2.94m, line!.Amount); // 2,35 + 25 % (0,5875 → 0,59)
        Assert.Equal(2, line.Reasons.Count);
        Assert.Equal(4.10m, withoutQuotient!.Amount);
        Assert.NotNull(beforeAnyTariff);
    }

    [Fact]
    public async Task TariffPages_OtherTerritoryOrOtherProfile_CannotSeeOrChange()
    {
        var t = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var version = await PublishCanteenAsync(await app.SignInAsync(t.Agent), "2026-09-01");

        using var otherAgent = await (await app.SignInAsync(other.Agent)).GetAsync($"/tarifs/{version}");
        Assert.Equal(HttpStatusCode.NotFound, otherAgent.StatusCode);
        using var guardian = await (await app.SignInAsync(t.GuardianA)).GetAsync("/tarifs");
        Assert.Equal(HttpStatusCode.Forbidden, guardian.StatusCode);
        var elected = await app.SignInAsync(t.Elected);
        var readOnly = await PreauApp.GetPageAsync(elected, $"/tarifs/{version}");
        Assert.DoesNotContain(readOnly.Forms, f => f.Method == "post" && (f.GetAttribute("action") ?? string.Empty).Contains("handler", StringComparison.Ordinal));
        var list = await PreauApp.GetPageAsync(elected, "/tarifs");
        Assert.Null(list.QuerySelector("main form[method=post]"));
    }
}
