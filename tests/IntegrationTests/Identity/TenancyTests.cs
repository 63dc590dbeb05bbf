using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Contracts;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.Identity;

/// <summary>DESIGN.md, Tenancy: a user of territory A can never read or write anything of territory B.</summary>
public sealed class TenancyTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Queries_InTerritoryA_NeverSeeRowsOfTerritoryB()
    {
        var a = await app.CreateTerritoryAsync();
        var b = await app.CreateTerritoryAsync();

        var (schools, accounts, pupilOfB) = await app.InTerritoryAsync(a.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var directory = sp.GetRequiredService<IStructureDirectory>();
            return (await db.Schools.Select(s => s.Id).ToListAsync(),
                await db.Accounts.Select(x => x.Id).ToListAsync(),
                await directory.GetPupilsAsync([b.PupilB.Id]));
        });

        Assert.Equal(new[] { a.SchoolA, a.SchoolB }.Order(), schools.Order());
        Assert.DoesNotContain(b.Admin.Id, accounts);
        Assert.Empty(pupilOfB);
    }

    [Fact]
    public async Task SaveChanges_RowOfAnotherTerritory_IsRefused()
    {
        var a = await app.CreateTerritoryAsync();
        var b = await app.CreateTerritoryAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.InTerritoryAsync(a.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var schoolOfB = await db.Schools.IgnoreQueryFilters().FirstAsync(s => s.Id == b.SchoolA);
            schoolOfB.Name = "Détournée";
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("another territory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relations_GuardianOfAnotherTerritory_SeesNoChildOfThisOne()
    {
        await app.CreateTerritoryAsync(); // Its pupil Paul must stay invisible.
        var b = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(b.GuardianB);

        var home = await PreauApp.GetPageAsync(client, "/");
        var text = home.QuerySelector(".children-list")!.TextContent;

        Assert.Contains("Pierre", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Paul", text, StringComparison.Ordinal);
    }
}
