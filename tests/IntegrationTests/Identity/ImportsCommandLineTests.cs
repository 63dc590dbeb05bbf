using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using static Preau.IntegrationTests.Identity.ImportsPages;

namespace Preau.IntegrationTests.Identity;

/// <summary>`preau import` and `preau generate-territory`: the same import code, from the command line.</summary>
public sealed class ImportsCommandLineTests(PreauApp app) : IClassFixture<PreauApp>
{
    private const string Password = "un mot de passe synthétique";

    [Fact]
    public async Task GenerateTerritory_SmallScale_ImportedThroughTheImportLoginsSignIn()
    {
        var slug = "gen" + Guid.NewGuid().ToString("N")[..8];
        var output = new StringWriter();

        SyntheticTerritory territory;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            territory = await scope.ServiceProvider.GetRequiredService<IRosterCommandLine>()
                .GenerateTerritoryAsync(new SyntheticTerritoryRequest(slug, new SyntheticScale(6, 300, 450, 7), null, Password), output, CancellationToken.None);
        }

        var (schools, colleges, pupils, guardians, teachers, runs) = await app.InTerritoryAsync(territory.TerritoryId, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            return (await db.Schools.CountAsync(), await db.Schools.CountAsync(s => s.Kind == SchoolKind.College),
                await db.Accounts.CountAsync(a => a.Profiles == Profile.Pupil), await db.Accounts.CountAsync(a => a.Profiles == Profile.Guardian),
                await db.Accounts.CountAsync(a => (a.Profiles & Profile.Teacher) != 0), await db.ImportRuns.Select(r => r.Status).ToListAsync());
        });
        Assert.Equal((6, 1, 300, 450), (schools, colleges, pupils, guardians));
        Assert.True(teachers > 10);
        Assert.Equal([ImportStatus.Applied], runs);
        Assert.Contains("Import appliqué", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, territory.Logins.Count);
        foreach (var login in territory.Logins)
        {
            await app.SignInAsync(new TestAccount(Guid.Empty, login.Login, Password));
        }

        var parent = await app.SignInAsync(new TestAccount(Guid.Empty, territory.Logins[0].Login, Password));
        var home = await PreauApp.GetPageAsync(parent, "/");
        Assert.Equal(2, home.QuerySelectorAll(".children-list li").Length);
    }

    [Fact]
    public async Task Import_CommandLine_DryRunChangesNothingThenApplies()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var file = Path.Combine(app.Folder, "eleves-cli.csv");
        await File.WriteAllTextAsync(file, FrenchCsv(uai));

        var (dryRun, dryOutput) = await ImportAsync(territory.Slug, null, dryRun: true, file);
        var imported = await CountImportedAsync(territory.Id);
        var (apply, output) = await ImportAsync(territory.Slug, uai, dryRun: false, file);

        Assert.Equal(0, dryRun);
        Assert.Contains("Analyse (rien n’a été modifié)", dryOutput, StringComparison.Ordinal);
        Assert.Equal(0, imported);
        Assert.Equal(0, apply);
        Assert.Contains("Import appliqué", output, StringComparison.Ordinal);
        Assert.Equal(6, await CountImportedAsync(territory.Id));
        var history = await PreauApp.GetPageAsync(await app.SignInAsync(territory.Admin), "/imports");
        Assert.Contains("Ligne de commande", history.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CommandLine_UnknownTerritorySchoolOrFile_ExitCode2()
    {
        var territory = await app.CreateTerritoryAsync();
        var file = Path.Combine(app.Folder, "vide.csv");
        await File.WriteAllTextAsync(file, "uai;classe\n");

        Assert.Equal(2, (await ImportAsync("inconnu-" + Guid.NewGuid().ToString("N")[..6], null, false, file)).Exit);
        Assert.Equal(2, (await ImportAsync(territory.Slug, "0750655E", false, file)).Exit);
        Assert.Equal(2, (await ImportAsync(territory.Slug, null, false, file + ".absent")).Exit);
        var (refused, output) = await ImportAsync(territory.Slug, null, false, file);
        Assert.Equal(1, refused);
        Assert.Contains("Fichier refusé : Il manque dans « vide.csv » la ou les colonnes obligatoires", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CommandLine_CreateTerritory_OpensTheTerritoryThenImportsAGeneratedRosterIntoIt()
    {
        var slug = "neuf" + Guid.NewGuid().ToString("N")[..8];
        string file;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What `generate-territory --roster-only` writes.
            file = await scope.ServiceProvider.GetRequiredService<IRosterCommandLine>()
                .WriteSyntheticRosterAsync(slug, new SyntheticScale(3, 60, 90, 11), Path.Combine(app.Folder, slug), CancellationToken.None);
        }

        var (exit, output) = await ImportAsync(slug, null, false, file, newTerritoryName: "Département <b>neuf</b>");

        Assert.Equal(0, exit);
        Assert.Contains("Import appliqué", output, StringComparison.Ordinal);
        var territoryId = await app.InTerritoryAsync(Guid.Empty, sp => sp.GetRequiredService<IdentityDbContext>().Territories.IgnoreQueryFilters()
            .Where(t => t.Slug == slug && t.Name == "Département <b>neuf</b>").Select(t => t.Id).SingleAsync());
        Assert.Equal(60, await app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.CountAsync(a => a.Profiles == Profile.Pupil)));
        // Without the name, an unknown territory is still refused.
        Assert.Equal(2, (await ImportAsync("autre" + slug, null, false, file)).Exit);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("Valmont")]
    [InlineData("x")]
    [InlineData("a'; DROP TABLE territories; --")]
    public async Task CommandLine_HostileSlug_RefusedInFrench_NoTerritoryCreated(string slug)
    {
        var file = Path.Combine(app.Folder, "absent-" + Guid.NewGuid().ToString("N") + ".csv");

        var (exit, output) = await ImportAsync(slug, null, false, file, newTerritoryName: "Département hostile");
        SyntheticTerritory? generated = null;
        string? refusal = null;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            try
            {
                generated = await scope.ServiceProvider.GetRequiredService<IRosterCommandLine>()
                    .GenerateTerritoryAsync(new SyntheticTerritoryRequest(slug, new SyntheticScale(1, 10, 15, 3), null, Password), new StringWriter(), CancellationToken.None);
            }
            catch (InvalidOperationException refused)
            {
                refusal = refused.Message;
            }
        }

        Assert.Equal(2, exit);
        Assert.Contains("Le nom court va de 2 à 60 caractères", output, StringComparison.Ordinal);
        Assert.Null(generated);
        Assert.Contains("Le nom court va de 2 à 60 caractères", refusal, StringComparison.Ordinal);
        Assert.False(await app.InTerritoryAsync(Guid.Empty, sp => sp.GetRequiredService<IdentityDbContext>().Territories.IgnoreQueryFilters().AnyAsync(t => t.Slug == slug)));
    }

    private async Task<(int Exit, string Output)> ImportAsync(string slug, string? school, bool dryRun, string file, string? newTerritoryName = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var output = new StringWriter();
        var exit = await scope.ServiceProvider.GetRequiredService<IRosterCommandLine>().ImportAsync(slug, newTerritoryName, school, dryRun, file, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private Task<int> CountImportedAsync(Guid territoryId) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.CountAsync(a => a.SourcedId != null));
}
