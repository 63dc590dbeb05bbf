using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Demo;

/// <summary>A demo account to print at start-up.</summary>
/// <param name="Profile">French name of the profile shown ("Parent de deux enfants").</param>
/// <param name="Login">Login.</param>
/// <param name="Note">What to try with it, or null.</param>
public sealed record DemoLogin(string Profile, string Login, string? Note = null);

/// <summary>The demo territory's structures (implemented by the Identity module, which owns them).</summary>
public interface IDemoTerritory
{
    /// <summary>Creates the demo territory unless one exists; returns its id and whether it was created.</summary>
    Task<(Guid TerritoryId, bool Created)> EnsureAsync(CancellationToken cancellationToken);

    /// <summary>The accounts to print, with the shared demo password.</summary>
    Task<(IReadOnlyList<DemoLogin> Logins, string Password)> LoginsAsync(CancellationToken cancellationToken);
}

/// <summary>A module's demo data, added once the demo territory's structures exist.</summary>
public interface IDemoSeed
{
    /// <summary>Order among modules (structures first, then what depends on them).</summary>
    int Order { get; }

    /// <summary>Adds the module's demo data; runs in a scope entered in the demo territory.</summary>
    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>The size of a synthetic territory made by `preau generate-territory` for benchmarks.</summary>
/// <param name="Schools">Number of schools.</param>
/// <param name="Pupils">Number of pupils.</param>
/// <param name="Guardians">Number of guardians.</param>
/// <param name="Seed">Seed of the random generator: the same scale and seed give the same data.</param>
public sealed record SyntheticScale(int Schools, int Pupils, int Guardians, int Seed = 2026);

/// <summary>
/// A module's synthetic activity for a generated territory (one school year of homework, messages,
/// reservations…), added once the structures exist. Runs in a scope entered in the generated territory;
/// writes in bulk (batches of thousands of rows), never row by row.
/// </summary>
public interface ISyntheticData
{
    /// <summary>Order among modules (structures first, then what depends on them).</summary>
    int Order { get; }

    /// <summary>Adds the module's data for the territory's structures at this scale.</summary>
    Task GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken);
}

/// <summary>Seeds the demo territory and every module's demo data (run at start-up in the embedded deployment and by `preau seed-demo`).</summary>
public sealed class DemoSeeding(IServiceScopeFactory scopes, ILogger<DemoSeeding> logger)
{
    /// <summary>Seeds what is missing; returns the logins to print.</summary>
    public async Task<(IReadOnlyList<DemoLogin> Logins, string Password)> RunAsync(CancellationToken cancellationToken)
    {
        Guid territoryId;
        bool created;
        await using (var scope = scopes.CreateAsyncScope())
        {
            (territoryId, created) = await scope.ServiceProvider.GetRequiredService<IDemoTerritory>().EnsureAsync(cancellationToken);
        }

        if (created)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territoryId);
            foreach (var seed in scope.ServiceProvider.GetServices<IDemoSeed>().OrderBy(s => s.Order))
            {
                logger.LogInformation("Seeding demo data: {Seed}", seed.GetType().Name);
                await seed.SeedAsync(cancellationToken);
            }
        }

        await using var loginScope = scopes.CreateAsyncScope();
        return await loginScope.ServiceProvider.GetRequiredService<IDemoTerritory>().LoginsAsync(cancellationToken);
    }
}
