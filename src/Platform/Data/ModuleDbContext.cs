using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Preau.Platform.Outbox;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Data;

/// <summary>
/// The base of every module's DbContext (DESIGN.md, Data): its own PostgreSQL schema and
/// migrations-history table, its own outbox written in the same transaction as the change, and the
/// territory isolation of every <see cref="ITerritoryOwned"/> row (query filter on read, check on write).
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    /// <summary>The name of the query filter that scopes rows to the current territory.</summary>
    public const string TerritoryFilter = "Territory";

    private TenantContext _tenant = new();
    private bool _outboxWritten;

    /// <summary>Creates a context; the pool gives it each scope's territory (<see cref="EnterScope"/>).</summary>
    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The module's name: PostgreSQL schema, outbox and migrations-history table prefix.</summary>
    public abstract string ModuleName { get; }

    /// <summary>Events waiting to be dispatched by the outbox worker.</summary>
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>The territory of the current scope; used by the query filters (EF parameterises it per instance).</summary>
    protected Guid CurrentTerritoryId => _tenant.TerritoryId ?? Guid.Empty;

    /// <summary>The tenant context of this scope.</summary>
    protected TenantContext Tenant => _tenant;

    /// <summary>
    /// Gives this context connections that also run synchronous commands, before its first query: for
    /// work that streams rows synchronously (the roster import), since PostgreSQL's multiplexed
    /// connections only run asynchronous ones (docs/decisions/0013). Nothing to do on SQLite.
    /// </summary>
    /// <returns>What gives the context back its multiplexed connections (contexts are pooled: the next scope must not inherit these).</returns>
    public IDisposable AllowSynchronousQueries()
    {
        if (!Database.IsNpgsql())
        {
            return new ConnectionRestorer(this, null);
        }

        var multiplexed = Database.GetConnectionString()!;
        Database.SetConnectionString(DatabaseSettings.WithPostgresDefaults(multiplexed, synchronousUse: true));
        return new ConnectionRestorer(this, multiplexed);
    }

    /// <summary>
    /// Gives this pooled context the territory of the scope that leases it. Contexts are pooled (building
    /// one costs EF Core a service scope of its own, the largest allocation of a light page): whatever a
    /// context keeps for a scope is set here.
    /// </summary>
    internal void EnterScope(TenantContext tenant)
    {
        _tenant = tenant;
        _outboxWritten = false;
    }

    /// <summary>
    /// Records an event in the outbox; it is written by the next SaveChanges, in the same transaction
    /// as the change it reports, and dispatched after the commit (never for a rolled-back change).
    /// </summary>
    public void Publish<TEvent>(TEvent domainEvent, DateTime? notBefore = null)
        where TEvent : notnull
    {
        Outbox.Add(new OutboxMessage(
            typeof(TEvent).FullName!,
            JsonSerializer.Serialize(domainEvent, OutboxMessage.JsonOptions),
            _tenant.TerritoryId,
            notBefore));
        _outboxWritten = true;
    }

    /// <summary>Whether events were published since the last call (read by the outbox signal).</summary>
    internal bool TakeOutboxWritten()
    {
        var written = _outboxWritten;
        _outboxWritten = false;
        return written;
    }

    /// <summary>Where modules map their entities.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var isSqlite = Database.IsSqlite();
        if (!isSqlite)
        {
            modelBuilder.HasDefaultSchema(ModuleName);
        }

        modelBuilder.Entity<OutboxMessage>(o => OutboxMessage.Configure(o, ModuleName));
        ConfigureModel(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null).ToList())
        {
            if (typeof(ITerritoryOwned).IsAssignableFrom(entity.ClrType))
            {
                // No index on TerritoryId alone: it filters nothing in a territory's database, and PostgreSQL's
                // generic plans chose it over the selective indexes (docs/decisions/0019).
                modelBuilder.Entity(entity.ClrType).HasQueryFilter(TerritoryFilter, TerritoryFilterFor(entity.ClrType));
            }
        }

        if (isSqlite)
        {
            // SQLite returns DateTime with an unspecified kind; every DateTime we store is UTC.
            var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
            var nullableUtc = new ValueConverter<DateTime?, DateTime?>(
                v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            {
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(utc);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(nullableUtc);
                }
            }
        }
    }

    private LambdaExpression TerritoryFilterFor(Type entityType)
    {
        // e => e.TerritoryId == this.CurrentTerritoryId ; EF replaces "this" with the executing context.
        var entity = Expression.Parameter(entityType, "e");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(ITerritoryOwned.TerritoryId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentTerritoryId)));
        return Expression.Lambda(body, entity);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTerritory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTerritory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// New rows take the current territory; nothing may be written into another territory than the
    /// scope's. The query filter already hides other territories' rows, this is the second lock.
    /// </summary>
    private void GuardTerritory()
    {
        var current = _tenant.TerritoryId;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not ITerritoryOwned owned || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State == EntityState.Added && owned.TerritoryId == Guid.Empty)
            {
                entry.Property(nameof(ITerritoryOwned.TerritoryId)).CurrentValue =
                    current ?? throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} was added outside any territory.");
            }
            else if (current is { } territory && owned.TerritoryId != territory)
            {
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another territory cannot be written here.");
            }
        }
    }

    private sealed class ConnectionRestorer(ModuleDbContext context, string? connectionString) : IDisposable
    {
        public void Dispose()
        {
            if (connectionString is not null)
            {
                context.Database.CloseConnection();
                context.Database.SetConnectionString(connectionString);
            }
        }
    }
}
