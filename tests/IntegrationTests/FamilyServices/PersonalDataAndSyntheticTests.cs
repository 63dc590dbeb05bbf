using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Preau.Platform.Privacy;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>A person's export and erasure (RGPD), and the synthetic territory's activity.</summary>
public sealed class PersonalDataAndSyntheticTests(PreauApp app) : IClassFixture<PreauApp>
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    [Fact]
    public async Task Export_Guardian_HasTheHouseholdRegistrationsAndDays_AndNothingOfOtherFamilies()
    {
        var (territory, householdId, canteen) = await ArrangeFamilyAsync();

        var json = await ExportAsync(territory, territory.GuardianA.Id);
        var otherJson = await ExportAsync(territory, territory.GuardianB.Id);

        Assert.Contains("8 rue des Lilas", json, StringComparison.Ordinal);
        Assert.Contains("Restauration scolaire", json, StringComparison.Ordinal);
        Assert.Contains("2026-11-26", json, StringComparison.Ordinal);
        Assert.Contains("Jeanne Élève", json, StringComparison.Ordinal);
        Assert.Equal("null", otherJson);
        var childJson = await ExportAsync(territory, territory.PupilA.Id);
        Assert.Contains("Arachides", childJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_ChildThenGuardian_RemovesHealthPeopleAndDocuments_KeepsWhatInvoicingNeedsWithoutNames()
    {
        var (territory, householdId, canteen) = await ArrangeFamilyAsync();

        await EraseAsync(territory, territory.PupilA.Id);
        await EraseAsync(territory, territory.GuardianA.Id);

        await app.InFamilyDbAsync(territory, async db =>
        {
            Assert.Empty(await db.MedicalInfo.ToListAsync());
            Assert.Empty(await db.AuthorizedPickups.ToListAsync());
            Assert.Empty(await db.HouseholdMembers.ToListAsync());
            Assert.Empty(await db.SupportingDocuments.ToListAsync());
            var household = await db.Households.SingleAsync();
            Assert.Equal(("Foyer supprimé", (string?)null), (household.Name, household.Street));
            // Invoicing's records stay, under the bare ids.
            Assert.Equal(DayState.Reserved, (await db.ChildDays.SingleAsync()).State);
            Assert.Single(await db.Registrations.ToListAsync());
            Assert.All(await db.DayStateChanges.ToListAsync(), c => Assert.Null(c.ActorId));
            Assert.All(await db.HouseholdChanges.ToListAsync(), c => Assert.Null(c.ActorId));
            return 0;
        });
    }

    [Fact]
    public async Task Synthetic_AYearOfActivity_IsConsistent()
    {
        var territory = await app.CreateTerritoryAsync();

        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var generator = sp.GetServices<ISyntheticData>().Single(g => g.GetType().Name == "FamilyServicesSyntheticData");
            await generator.GenerateAsync(new SyntheticScale(2, 3, 4, Seed: 7), CancellationToken.None);
            return 0;
        });

        var calendar = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IStructureDirectory>().GetSchoolCalendarAsync());
        await app.InFamilyDbAsync(territory, async db =>
        {
            var households = await db.Households.Include(h => h.Members).ToListAsync();
            Assert.Equal(3, households.Count);
            Assert.Equal(3, households.SelectMany(h => h.ChildIds).Distinct().Count());
            var services = await db.Services.ToListAsync();
            Assert.Equal(8, services.Count);
            foreach (var service in services)
            {
                var live = await db.Registrations.CountAsync(r => r.ServiceId == service.Id && (r.Status == RegistrationStatus.Accepted || r.Status == RegistrationStatus.Pending));
                Assert.Equal(live, service.PlacesTaken);
            }

            var days = await db.ChildDays.ToListAsync();
            Assert.All(days, d => Assert.True(services.Single(s => s.Id == d.ServiceId).RunsOn(d.Day, calendar), $"{d.Day} does not run"));
            var today = FamilyArrangements.Today;
            Assert.All(days.Where(d => d.Day < today), d => Assert.True(d.IsMarked));
            Assert.All(days.Where(d => d.Day >= today), d => Assert.Equal(DayState.Reserved, d.State));
            return 0;
        });
    }

    private async Task<(TestTerritory Territory, Guid HouseholdId, Service Canteen)> ArrangeFamilyAsync()
    {
        var territory = await app.CreateTerritoryAsync();
        var householdId = await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var canteen = await app.CreateServiceAsync(territory, territory.SchoolA);
        await app.RegisterAsync(territory, territory.PupilA.Id, canteen.Id, householdId);
        await app.InFamilyDbAsync(territory, async db =>
        {
            var household = await db.Households.SingleAsync();
            (household.Street, household.PostalCode, household.City) = ("8 rue des Lilas", "95450", "Valmont");
            db.AuthorizedPickups.Add(new AuthorizedPickup { HouseholdId = householdId, ChildId = territory.PupilA.Id, Name = "Jeanne Élève", Phone = "06 98 76 54 32", Relation = "grand-mère" });
            db.MedicalInfo.Add(new ChildMedicalInfo { ChildId = territory.PupilA.Id, Allergens = Preau.FamilyServices.Allergen.Peanuts });
            db.SupportingDocuments.Add(new SupportingDocument { HouseholdId = householdId, Kind = DocumentKind.ProofOfAddress, FileKey = Guid.NewGuid().ToString("N"), ContentType = "application/pdf", FileName = "facture.pdf", UploadedBy = territory.GuardianA.Id });
            db.HouseholdChanges.Add(new HouseholdChange { HouseholdId = householdId, Kind = HouseholdChangeKind.PickupAdded, ActorId = territory.GuardianA.Id, At = app.Clock.GetUtcNow().UtcDateTime });
            var day = new ChildDay { ChildId = territory.PupilA.Id, ServiceId = canteen.Id, Day = new DateOnly(2026, 11, 26), HouseholdId = householdId };
            day.Book(householdId, full: false, late: false, app.Clock.GetUtcNow().UtcDateTime);
            db.ChildDays.Add(day);
            db.DayStateChanges.Add(new DayStateChange { ChildId = territory.PupilA.Id, ServiceId = canteen.Id, Day = day.Day, ActorId = territory.GuardianA.Id, After = DayState.Reserved, At = app.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        return (territory, householdId, canteen);
    }

    private Task<string> ExportAsync(TestTerritory territory, Guid accountId) =>
        app.InTerritoryAsync(territory.Id, async sp => JsonSerializer.Serialize(await Source(sp).ExportAsync(accountId, CancellationToken.None), Json));

    private Task<int> EraseAsync(TestTerritory territory, Guid accountId) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            await Source(sp).EraseAsync(accountId, CancellationToken.None);
            return 0;
        });

    private static IPersonalDataSource Source(IServiceProvider sp) => sp.GetServices<IPersonalDataSource>().Single(s => s.Module == "familyservices.households");
}
