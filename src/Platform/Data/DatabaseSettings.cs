using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Preau.Platform.Data;

/// <summary>The two database engines Préau runs on (DESIGN.md, Data).</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded deployment: one file, nothing to install.</summary>
    Sqlite,

    /// <summary>Territorial and national deployments.</summary>
    Postgres,
}

/// <summary>The "Database" configuration section: which engine and where.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Reads "Database:Provider" and "Database:ConnectionString"; SQLite in ./data by default.</summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;
        var connectionString = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:ConnectionString is required with the Postgres provider.");
            }

            Directory.CreateDirectory("data");
            connectionString = "Data Source=data/preau.db";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>Configures a module's context: its own migrations-history table, and its schema on PostgreSQL.</summary>
    /// <param name="options">The context's options.</param>
    /// <param name="moduleName">The module (schema and history table).</param>
    /// <param name="synchronousUse">
    /// True for a context a library queries synchronously (ASP.NET data protection's key store):
    /// PostgreSQL multiplexing only runs asynchronous commands, so that context gets its own connections.
    /// </param>
    public void Configure(DbContextOptionsBuilder options, string moduleName, bool synchronousUse = false)
    {
        var history = $"__{moduleName}_migrations";
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(WithPostgresDefaults(ConnectionString, synchronousUse), o => o.MigrationsHistoryTable(history, moduleName));
        }
        else
        {
            // Schemas are a PostgreSQL notion: on SQLite, table names are unique across modules instead.
            options.UseSqlite(WithSqliteDefaults(ConnectionString), o => o.MigrationsHistoryTable(history));
        }
    }

    /// <summary>
    /// What busy pages need from PostgreSQL, unless the operator set it in the connection string:
    /// automatic preparation of the statements a process repeats (docs/decisions/0011: PostgreSQL then
    /// skips parsing and planning them; "Max Auto Prepare=0" behind a pooler that cannot keep prepared
    /// statements), and multiplexing (docs/decisions/0013: the commands of concurrent requests share
    /// connections and network writes, instead of one round trip each; "Multiplexing=false" to turn it off),
    /// and generic plans for prepared statements (docs/decisions/0018: otherwise PostgreSQL plans again, on
    /// every execution, each statement that takes a list of ids; giving "Options" turns it off).
    /// </summary>
    /// <param name="connectionString">The operator's connection string.</param>
    /// <param name="synchronousUse">True for connections a library uses synchronously: never multiplexed.</param>
    public static string WithPostgresDefaults(string connectionString, bool synchronousUse = false)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 128;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("Options"))
        {
            builder.Options = "-c plan_cache_mode=force_generic_plan";
        }

        if (synchronousUse)
        {
            builder.Multiplexing = false;
        }
        else if (!given.Contains("Multiplexing"))
        {
            builder.Multiplexing = true;
        }

        return builder.ToString();
    }

    private static string WithSqliteDefaults(string connectionString)
    {
        // A generous busy timeout: SQLite serialises writers, and the outbox worker and requests write concurrently.
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
