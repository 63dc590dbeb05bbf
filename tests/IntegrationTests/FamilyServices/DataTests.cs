using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices;
using Preau.FamilyServices.QuotientFamilial;
using Preau.Platform.Demo;
using Preau.Platform.Privacy;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>The synthetic year for benchmarks, and a person's export and erasure (RGPD art. 15, 17, 20).</summary>
public sealed class DataTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Synthetic_SmallTerritory_WritesAYearOfMenusTariffsCatchmentAndQuotients()
    {
        var t = await app.CreateTerritoryAsync();

        // Both of the module's generators, in their order, as the benchmark's generator runs them: the
        // households first (order 50), then the quotients of those households (order 100).
        await app.InTerritoryAsync(t.Id, async sp =>
        {
            foreach (var generator in sp.GetServices<ISyntheticData>().Where(g => g.GetType().Namespace!.StartsWith("Preau.FamilyServices", StringComparison.Ordinal)).OrderBy(g => g.Order))
            {
                await generator.GenerateAsync(new SyntheticScale(2, 3, 4), default);
            }

            return 0;
        });

        var (weeks, tariffs, rules, quotients, orphans) = await app.WithDbAsync(t.Id, async db => (
            await db.MenuWeeks.CountAsync(), await db.TariffVersions.CountAsync(), await db.CatchmentRules.CountAsync(), await db.QuotientRecords.CountAsync(),
            await db.QuotientRecords.CountAsync(r => !db.Households.Any(h => h.Id == r.HouseholdId))));
        Assert.InRange(weeks, 30, 45); // the school weeks of one year, one central kitchen for both schools
        Assert.Equal(2, tariffs);
        Assert.Equal(40, rules);
        Assert.InRange(quotients, 1, 3); // about four households in five of the three
        Assert.Equal(0, orphans); // every quotient belongs to a real household
    }

    [Fact]
    public async Task PersonalData_GuardianAloneInHousehold_ExportedThenErasedWithFiles()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var guardian = await app.SignInAsync(t.GuardianB);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);
        await FamilyServicesTestData.SubmitMultipartAsync(guardian, $"/quotient-familial/foyer/{household}", "Caf", new() { ["Caf.Amount"] = "480" }, new() { ["attestation"] = ("caf.pdf", FamilyServicesTestData.Pdf) });
        var key = await app.WithDbAsync(t.Id, db => db.QuotientRecords.Select(r => r.AttestationFileKey).SingleAsync());
        Assert.NotNull(key);

        var exported = await app.InTerritoryAsync(t.Id, sp => Source(sp).ExportAsync(t.GuardianB.Id, default));
        Assert.Contains("480", JsonSerializer.Serialize(exported), StringComparison.Ordinal);
        Assert.Null(await app.InTerritoryAsync(t.Id, sp => Source(sp).ExportAsync(t.TeacherA.Id, default)));

        await app.InTerritoryAsync(t.Id, async sp => { await Source(sp).EraseAsync(t.GuardianB.Id, default); return 0; });

        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.QuotientRecords.CountAsync()));
        Assert.False(File.Exists(Path.Combine(app.Folder, "files", key![..2], key)));
    }

    [Fact]
    public async Task PersonalData_GuardianWithAnotherGuardian_KeepsTheHouseholdsQuotient()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var guardian = await app.SignInAsync(t.GuardianA);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);
        await PreauApp.SubmitFormAsync(guardian, $"/quotient-familial/foyer/{household}", new() { ["Declaration.MonthlyIncome"] = "2000", ["Declaration.Children"] = "1" });

        await app.InTerritoryAsync(t.Id, async sp => { await Source(sp).EraseAsync(t.GuardianA.Id, default); return 0; });

        Assert.Equal(1, await app.WithDbAsync(t.Id, db => db.QuotientRecords.CountAsync()));
    }

    [Fact]
    public async Task PersonalData_EveryFamilySourceInRegistrationOrder_ErasesTheQuotientOfAGuardianAloneInTheirHousehold()
    {
        var t = await app.CreateTerritoryWithHouseholdsAsync();
        var guardian = await app.SignInAsync(t.GuardianB);
        var household = await FamilyServicesTestData.HouseholdOfAsync(guardian);
        await PreauApp.SubmitFormAsync(guardian, $"/quotient-familial/foyer/{household}", new() { ["Declaration.MonthlyIncome"] = "2000", ["Declaration.Children"] = "1" });
        Assert.Equal(1, await app.WithDbAsync(t.Id, db => db.QuotientRecords.CountAsync()));

        await app.InTerritoryAsync(t.Id, async sp =>
        {
            foreach (var source in sp.GetServices<IPersonalDataSource>().Where(s => s.Module.StartsWith("familyservices", StringComparison.Ordinal)))
            {
                await source.EraseAsync(t.GuardianB.Id, default);
            }

            return 0;
        });

        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.QuotientRecords.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.HouseholdMembers.CountAsync(m => m.PersonId == t.GuardianB.Id)));
    }

    private static IPersonalDataSource Source(IServiceProvider services) =>
        services.GetServices<IPersonalDataSource>().Single(s => s.Module == "familyservices.quotient-enrolment");
}
