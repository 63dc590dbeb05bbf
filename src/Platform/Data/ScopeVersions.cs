using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Data;

/// <summary>
/// The version of a scope: a territory, school, class or group, pupil, household or account, named by its id
/// (ids are Guids, unique across kinds). It grows each time a row that carries the id changes, so that what
/// was built from a scope's rows can be known to be still true by comparing one number (docs/decisions/0020).
/// </summary>
public sealed class ScopeVersion
{
    /// <summary>The scope's id.</summary>
    public Guid ScopeId { get; set; }

    /// <summary>How many statements changed its rows.</summary>
    public long Version { get; set; }
}

/// <summary>
/// A module's declaration that changing a row of <paramref name="EntityType"/> changes the scopes named by
/// the row's <paramref name="Properties"/> (Guid columns). It becomes a database trigger, so that no write
/// path (SaveChanges, ExecuteUpdate, ExecuteDelete, COPY, a manual fix in psql) can forget to bump.
/// </summary>
/// <param name="ContextType">The module's DbContext.</param>
/// <param name="EntityType">The entity whose table is watched.</param>
/// <param name="Properties">Its Guid properties whose values are the scopes changed.</param>
/// <param name="TerritoryWhenNull">
/// A property that, when null, makes the row concern the whole territory (a town's news item has no school):
/// the row's TerritoryId is then bumped too. Only then: bumping the territory for every row would make every
/// home of the territory rebuild at each write.
/// </param>
public sealed record ScopeTrigger(Type ContextType, Type EntityType, IReadOnlyList<string> Properties, string? TerritoryWhenNull = null);

/// <summary>Declares and creates the triggers that bump the scopes' versions (<see cref="ScopeVersionReader"/> reads them).</summary>
public static class ScopeTriggers
{
    private const string FunctionName = "bump_scope_versions";

    /// <summary>
    /// Declares that any change to a row of <typeparamref name="TEntity"/> changes the scopes named by its
    /// <paramref name="properties"/>, e.g. AddScopeTrigger&lt;SchoolLifeDbContext, HomeworkEntry&gt;(nameof(HomeworkEntry.ClassGroupId)).
    /// </summary>
    public static IServiceCollection AddScopeTrigger<TContext, TEntity>(this IServiceCollection services, params string[] properties)
        where TContext : ModuleDbContext
        where TEntity : class =>
        services.AddSingleton(new ScopeTrigger(typeof(TContext), typeof(TEntity), properties));

    /// <summary>
    /// As <see cref="AddScopeTrigger{TContext, TEntity}(IServiceCollection, string[])"/>, and bumps the territory
    /// when the row's <paramref name="territoryWhenNull"/> is null (an item for the whole territory).
    /// </summary>
    public static IServiceCollection AddScopeTrigger<TContext, TEntity>(this IServiceCollection services, string[] properties, string territoryWhenNull)
        where TContext : ModuleDbContext
        where TEntity : class, ITerritoryOwned =>
        services.AddSingleton(new ScopeTrigger(typeof(TContext), typeof(TEntity), properties, territoryWhenNull));

    /// <summary>
    /// Creates or replaces the declared triggers (after the migrations: they watch every module's tables).
    /// PostgreSQL: one statement-level trigger per event and table, so a COPY of a million rows bumps each
    /// scope once. SQLite: row-level triggers (it has no other kind).
    /// </summary>
    public static async Task ApplyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var platform = services.GetRequiredService<PlatformDbContext>();
        var versions = platform.Model.FindEntityType(typeof(ScopeVersion))!;
        var isSqlite = platform.Database.IsSqlite();
        var versionsTable = Qualified(versions);
        if (!isSqlite)
        {
            await platform.Database.ExecuteSqlRawAsync(PostgresFunction(versions.GetSchema()!, versionsTable), cancellationToken);
        }

        foreach (var trigger in services.GetServices<ScopeTrigger>())
        {
            var context = (DbContext)services.GetRequiredService(trigger.ContextType);
            var entity = context.Model.FindEntityType(trigger.EntityType)
                ?? throw new InvalidOperationException($"{trigger.EntityType.Name} is not mapped by {trigger.ContextType.Name}.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(string property) => entity.FindProperty(property)?.GetColumnName(table)
                ?? throw new InvalidOperationException($"{trigger.EntityType.Name}.{property} is not a mapped property.");
            var columns = trigger.Properties.Select(p => new BumpedColumn(Column(p), null)).ToList();
            if (trigger.TerritoryWhenNull is { } condition)
            {
                columns.Add(new BumpedColumn(Column(nameof(ITerritoryOwned.TerritoryId)), Column(condition)));
            }

            var sql = isSqlite
                ? SqliteTriggers(entity.GetTableName()!, columns, versionsTable)
                : PostgresTriggers(Qualified(entity), versions.GetSchema()!, columns);
            await context.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    /// <summary>A column whose value is bumped, only on rows where <paramref name="WhenNull"/> is null if given.</summary>
    private sealed record BumpedColumn(string Name, string? WhenNull);

    private static string Qualified(IEntityType entity) =>
        entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";

    // The ids of every changed row (before and after an update: a pupil moved from a class changes both),
    // sorted so that two statements bumping the same scopes take their row locks in the same order.
    private static string PostgresFunction(string schema, string versionsTable) => $$"""
        CREATE OR REPLACE FUNCTION "{{schema}}".{{FunctionName}}() RETURNS trigger LANGUAGE plpgsql AS $body$
        DECLARE
            argument text;
            bumped text;
            ids text := '';
        BEGIN
            -- Each argument is a column, or "column|condition": the column only on rows whose condition is null.
            FOREACH argument IN ARRAY TG_ARGV LOOP
                bumped := format('SELECT %I FROM %%s', split_part(argument, '|', 1))
                    || CASE WHEN split_part(argument, '|', 2) = '' THEN '' ELSE format(' WHERE %I IS NULL', split_part(argument, '|', 2)) END;
                IF TG_OP <> 'DELETE' THEN ids := ids || ' UNION ' || format(bumped, 'new_rows'); END IF;
                IF TG_OP <> 'INSERT' THEN ids := ids || ' UNION ' || format(bumped, 'old_rows'); END IF;
            END LOOP;
            EXECUTE format(
                'INSERT INTO {{versionsTable}} AS v ("ScopeId", "Version") SELECT id, 1 FROM (%s) AS changed(id) '
                || 'WHERE id IS NOT NULL ORDER BY id ON CONFLICT ("ScopeId") DO UPDATE SET "Version" = v."Version" + 1',
                substr(ids, 8));
            RETURN NULL;
        END
        $body$;
        """;

    private static string PostgresTriggers(string table, string schema, IReadOnlyList<BumpedColumn> columns)
    {
        var arguments = string.Join(", ", columns.Select(c => c.WhenNull is null ? $"'{c.Name}'" : $"'{c.Name}|{c.WhenNull}'"));
        return $"""
            CREATE OR REPLACE TRIGGER scope_versions_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".{FunctionName}({arguments});
            CREATE OR REPLACE TRIGGER scope_versions_update AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".{FunctionName}({arguments});
            CREATE OR REPLACE TRIGGER scope_versions_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows
                FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".{FunctionName}({arguments});
            """;
    }

    private static string SqliteTriggers(string table, IReadOnlyList<BumpedColumn> columns, string versionsTable)
    {
        string Bumps(params string[] rows) => string.Concat(
            from row in rows
            from column in columns
            let condition = column.WhenNull is null ? string.Empty : $" AND {row}.\"{column.WhenNull}\" IS NULL"
            select $"INSERT INTO {versionsTable} (\"ScopeId\", \"Version\") SELECT {row}.\"{column.Name}\", 1 WHERE {row}.\"{column.Name}\" IS NOT NULL{condition} "
                + "ON CONFLICT (\"ScopeId\") DO UPDATE SET \"Version\" = \"Version\" + 1;\n");

        string Trigger(string trigger, string when, params string[] rows) => $"""
            DROP TRIGGER IF EXISTS "{table}_{trigger}";
            CREATE TRIGGER "{table}_{trigger}" AFTER {when} ON "{table}" BEGIN
            {Bumps(rows)}END;

            """;

        return Trigger("scope_versions_insert", "INSERT", "NEW")
            + Trigger("scope_versions_update", "UPDATE", "OLD", "NEW")
            + Trigger("scope_versions_delete", "DELETE", "OLD");
    }
}

/// <summary>
/// Reads the scopes' versions for every request that asks (the home page, at each visit), sharing queries:
/// while one query is out, the requests that ask wait together for the next one (docs/decisions/0020). Each
/// request's versions still come from a query begun after it asked, so it sees every write committed before,
/// as a query of its own would; at the busy hour, one round trip serves several requests.
/// </summary>
public sealed class ScopeVersionReader(IServiceScopeFactory scopes)
{
    private readonly Lock _lock = new();
    private List<Asked> _waiting = [];
    private bool _reading;

    /// <summary>The current versions of the given scopes (a scope never changed is absent: version 0).</summary>
    public Task<IReadOnlyDictionary<Guid, long>> ReadAsync(IReadOnlyCollection<Guid> scopeIds, CancellationToken cancellationToken)
    {
        var asked = new Asked(scopeIds, new(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_lock)
        {
            _waiting.Add(asked);
            start = !_reading;
            _reading = true;
        }

        if (start)
        {
            // Started by the request that found no query out; its first query leaves at once.
            _ = ReadWhileAskedAsync();
        }

        return asked.Versions.Task.WaitAsync(cancellationToken);
    }

    private async Task ReadWhileAskedAsync()
    {
        while (true)
        {
            List<Asked> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _reading = false;
                    return;
                }

                (batch, _waiting) = (_waiting, []);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var versions = new Dictionary<Guid, long>();
                await foreach (var version in Versions(db, [.. batch.SelectMany(a => a.ScopeIds).Distinct()]))
                {
                    versions[version.ScopeId] = version.Version;
                }

                batch.ForEach(a => a.Versions.SetResult(versions));
            }
            catch (Exception exception)
            {
                batch.ForEach(a => a.Versions.SetException(exception));
            }
        }
    }

    // Compiled once: every home page asks it (decision 0017).
    private static readonly Func<PlatformDbContext, List<Guid>, IAsyncEnumerable<ScopeVersion>> Versions = EF.CompileAsyncQuery(
        (PlatformDbContext db, List<Guid> scopeIds) => db.ScopeVersions.AsNoTracking().Where(v => scopeIds.Contains(v.ScopeId)));

    private sealed record Asked(IReadOnlyCollection<Guid> ScopeIds, TaskCompletionSource<IReadOnlyDictionary<Guid, long>> Versions);
}
