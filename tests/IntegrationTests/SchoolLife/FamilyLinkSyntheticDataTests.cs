using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Demo;
using Preau.SchoolLife.Synthetic;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>The benchmark's synthetic school year: written in bulk, and the home sections read it.</summary>
public sealed class FamilyLinkSyntheticDataTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Generate_SmallTerritory_WritesAYearSoFarThatHomeSectionsShow()
    {
        var territory = await app.CreateTerritoryAsync();

        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            await sp.GetServices<ISyntheticData>().OfType<FamilyLinkSyntheticData>().Single().GenerateAsync(new SyntheticScale(2, 3, 4), CancellationToken.None);
            return 0;
        });

        var rollCalls = await app.QueryAsync(territory, db => db.RollCalls.CountAsync());
        var recipients = await app.QueryAsync(territory, db => db.NoteRecipients.CountAsync());
        Assert.True(rollCalls > 100, $"{rollCalls} roll calls");
        Assert.True(recipients > 5, $"{recipients} note recipients");
        Assert.True(await app.QueryAsync(territory, db => db.CompetencyAssessments.CountAsync()) > 0);
        var home = await (await app.SignInAsync(territory.GuardianA)).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
