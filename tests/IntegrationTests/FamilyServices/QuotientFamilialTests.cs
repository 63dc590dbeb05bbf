using System.Net;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.QuotientFamilial;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>Issue #5, item 5: the household's quotient familial, declared by the family, validated by the town.</summary>
public sealed class QuotientFamilialTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task DeclareIncome_GuardianThenAgentValidates_QuotientInForceAndAudited()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var guardian = await app.SignInAsync(t.GuardianA);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);

        var response = await PreauApp.SubmitFormAsync(guardian, $"/quotient-familial/foyer/{household}", new()
        {
            ["Declaration.MonthlyIncome"] = "2 400,00",
            ["Declaration.Couple"] = "true",
            ["Declaration.Children"] = "2",
            ["Declaration.DisabledChildren"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await app.WithDbAsync(t.Id, db => db.QuotientRecords.SingleAsync());
        Assert.Equal(800.00m, record.Amount); // 2 400 € ÷ (2 + 0,5 + 0,5) parts
        Assert.Equal(3m, record.Parts);
        Assert.Equal(QuotientStatus.Pending, record.Status);

        var agent = await app.SignInAsync(t.Agent);
        var queue = await PreauApp.GetPageAsync(agent, "/quotient-familial");
        Assert.Contains("800,00", queue.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        response = await FamilyServicesTestData.ClickAsync(agent, $"/quotient-familial/examen/{record.Id}", "Validate", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await PreauApp.GetPageAsync(guardian, $"/quotient-familial/foyer/{household}");
        Assert.Contains("800,00", page.QuerySelector(".card--highlight")!.TextContent, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(t.Id, db => db.AuditEntries.Where(e => e.SubjectId == record.Id).ToListAsync());
        Assert.Contains(audit, e => e.Action == FamilyAuditAction.QuotientValidated && e.ActorId == t.Agent.Id);
        await app.RunOutboxAsync();
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefusedAndWithReasonShownToTheFamily()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var guardian = await app.SignInAsync(t.GuardianA);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);
        await PreauApp.SubmitFormAsync(guardian, $"/quotient-familial/foyer/{household}", new() { ["Declaration.MonthlyIncome"] = "1500", ["Declaration.Children"] = "1" });
        var record = await app.WithDbAsync(t.Id, db => db.QuotientRecords.SingleAsync());
        var agent = await app.SignInAsync(t.Agent);

        var refused = await FamilyServicesTestData.ClickAsync(agent, $"/quotient-familial/examen/{record.Id}", "Reject", []);
        Assert.Contains("Indiquez le motif du refus", await FamilyServicesTestData.ErrorsAsync(refused), StringComparison.Ordinal);

        await FamilyServicesTestData.ClickAsync(agent, $"/quotient-familial/examen/{record.Id}", "Reject", new() { ["Reason"] = "Revenus de l’avis d’imposition différents" });
        var page = await PreauApp.GetPageAsync(guardian, $"/quotient-familial/foyer/{household}");
        Assert.Contains("Revenus de l’avis d’imposition différents", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1200", "Les revenus ne peuvent pas être négatifs.")]
    [InlineData("1500000", "pas plausibles")]
    [InlineData("douze", "Saisissez un montant")]
    public async Task DeclareIncome_BadIncome_FrenchMessageAndNothingSaved(string income, string message)
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var guardian = await app.SignInAsync(t.GuardianA);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);

        var response = await PreauApp.SubmitFormAsync(guardian, $"/quotient-familial/foyer/{household}", new() { ["Declaration.MonthlyIncome"] = income, ["Declaration.Children"] = "1" });

        Assert.Contains(message, await FamilyServicesTestData.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.QuotientRecords.CountAsync()));
    }

    [Fact]
    public async Task CafAttestation_TextDisguisedAsPdf_IsRefusedAndARealPdfIsServedToTheFamilyOnly()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var guardian = await app.SignInAsync(t.GuardianA);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);
        var fields = new Dictionary<string, string> { ["Caf.Amount"] = "650", ["Caf.CafNumber"] = "1234567" };

        var refused = await FamilyServicesTestData.SubmitMultipartAsync(guardian, $"/quotient-familial/foyer/{household}", "Caf", fields, new() { ["attestation"] = ("caf.pdf", "<script>alert(1)</script>"u8.ToArray()) });
        Assert.Contains("Ce type de fichier n’est pas accepté ici.", await FamilyServicesTestData.ErrorsAsync(refused), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.QuotientRecords.CountAsync()));

        var accepted = await FamilyServicesTestData.SubmitMultipartAsync(guardian, $"/quotient-familial/foyer/{household}", "Caf", fields, new() { ["attestation"] = ("caf.pdf", FamilyServicesTestData.Pdf) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var record = await app.WithDbAsync(t.Id, db => db.QuotientRecords.SingleAsync());
        Assert.Equal(650m, record.Amount);

        using var own = await guardian.GetAsync($"/quotient-familial/attestation/{record.Id}");
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        using var other = await (await app.SignInAsync(t.GuardianB)).GetAsync($"/quotient-familial/attestation/{record.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task HouseholdPage_OtherFamilyOtherProfileOtherTerritoryOrForgedId_Answers404()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var other = await app.CreateTerritoryWithHouseholdsAsync();
        var household = await FamilyServicesTestData.HouseholdOfAsync(await app.SignInAsync(t.GuardianA));

        foreach (var account in new[] { t.GuardianB, t.TeacherA, t.HeadA, other.Agent })
        {
            using var response = await (await app.SignInAsync(account)).GetAsync($"/quotient-familial/foyer/{household}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{account.Login} got {(int)response.StatusCode}");
        }

        using var forged = await (await app.SignInAsync(t.GuardianA)).GetAsync($"/quotient-familial/foyer/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        using var agent = await (await app.SignInAsync(t.Agent)).GetAsync($"/quotient-familial/foyer/{household}");
        Assert.Equal(HttpStatusCode.OK, agent.StatusCode);
    }

    [Fact]
    public async Task PostToAnotherHousehold_ByAGuardian_Answers404AndSavesNothing()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var householdA = await FamilyServicesTestData.HouseholdOfAsync(await app.SignInAsync(t.GuardianA));
        var guardianB = await app.SignInAsync(t.GuardianB);
        var householdB = await FamilyServicesTestData.HouseholdOfAsync(guardianB);
        var page = await PreauApp.GetPageAsync(guardianB, $"/quotient-familial/foyer/{householdB}");
        var form = page.Forms.First(f => (f.GetAttribute("action") ?? string.Empty).Contains("Declaration", StringComparison.Ordinal));

        // The form's action points at B's household; post it to A's address instead.
        using var forged = await guardianB.PostAsync($"/quotient-familial/foyer/{householdA}?handler=Declaration",
            new FormUrlEncodedContent(form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } && e is AngleSharp.Html.Dom.IHtmlInputElement { Type: "hidden" })
                .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, ((AngleSharp.Html.Dom.IHtmlInputElement)e).Value))
                .Append(new("Declaration.MonthlyIncome", "100")).Append(new("Declaration.Children", "1")).Append(new("Declaration.ValidFrom", "2026-11-23")).Append(new("Declaration.ValidUntil", "2027-08-31"))));

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.QuotientRecords.CountAsync(r => r.HouseholdId == householdA)));
    }

    [Fact]
    public async Task PartsRule_AgentEditsIt_ZeroPartsRefusedAndNewRuleUsed()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var agent = await app.SignInAsync(t.Agent);

        var refused = await PreauApp.SubmitFormAsync(agent, "/quotient-familial/regle", new() { ["Input.SingleParentParts"] = "0" });
        Assert.Contains("zéro part", await FamilyServicesTestData.ErrorsAsync(refused), StringComparison.Ordinal);

        var saved = await PreauApp.SubmitFormAsync(agent, "/quotient-familial/regle", new() { ["Input.CoupleParts"] = "2,5" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var guardian = await app.SignInAsync(t.GuardianA);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);
        await PreauApp.SubmitFormAsync(guardian, $"/quotient-familial/foyer/{household}", new() { ["Declaration.MonthlyIncome"] = "3000", ["Declaration.Couple"] = "true", ["Declaration.Children"] = "1" });
        Assert.Equal(1000m, await app.WithDbAsync(t.Id, db => db.QuotientRecords.Select(r => r.Amount).SingleAsync())); // 3 000 ÷ 3

        using var denied = await (await app.SignInAsync(t.GuardianA)).GetAsync("/quotient-familial/regle");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }
}
