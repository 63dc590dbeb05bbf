using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Preau.Platform.Data;

/// <summary>
/// Applies every module's migrations: at start-up in the embedded deployment, or by `preau migrate`
/// before multi-node deployments start (DESIGN.md, Data).
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Migrates all module databases, in registration order.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            if (context.Database.IsSqlite())
            {
                await EnableWriteAheadLogAsync(context, cancellationToken);
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Migrating module {Module}: {Count} migration(s)", module.ModuleName, pending.Count);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }

        await ScopeTriggers.ApplyAsync(scope.ServiceProvider, cancellationToken);
    }

    /// <summary>
    /// Refreshes the query planner's statistics after a bulk load (a generated territory, a roster imported from
    /// the command line) instead of waiting for autovacuum: planned without them, the family's home page read a
    /// whole table by territory per service (120 ms instead of under 1 ms on PostgreSQL).
    /// With <paramref name="vacuum"/> (a generated year of data), PostgreSQL also vacuums, as autovacuum
    /// will have done in a territory's database a year old: until then its visibility map is empty and
    /// every index-only scan (an inbox's deep page, a count) reads the table's pages as well.
    /// </summary>
    public async Task RefreshStatisticsAsync(bool vacuum = false, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        // Every module shares one database (schemas on PostgreSQL): one command covers all their tables.
        var module = scope.ServiceProvider.GetServices<ModuleDatabase>().First();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
        context.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await context.Database.ExecuteSqlRawAsync(vacuum && !context.Database.IsSqlite() ? "VACUUM (ANALYZE)" : "ANALYZE", cancellationToken);
    }

    private static async Task EnableWriteAheadLogAsync(DbContext context, CancellationToken cancellationToken)
    {
        // WAL lets readers go on while one writer writes: the embedded deployment's peak hours need it.
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        var directory = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
