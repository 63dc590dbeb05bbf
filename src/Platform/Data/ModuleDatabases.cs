using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Outbox;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Data;

/// <summary>A module's DbContext as known to the migrator and the outbox dispatcher.</summary>
public sealed record ModuleDatabase(string ModuleName, Type ContextType);

/// <summary>Registration of module DbContexts with the configured provider.</summary>
public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> with its SQLite or PostgreSQL subclass, each of which
    /// owns its own migrations (EF Core's "one context type per provider" layout).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, IConfiguration configuration, string moduleName, bool synchronousUse = false)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var settings = DatabaseSettings.From(configuration);

        // Contexts are pooled: a new context costs EF Core its own service scope and options lookup, which
        // a profile of the inbox under load put first among a page's allocations. Each scope leases one
        // per module and gives it the scope's territory; disposing the scope returns it.
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            Register<TPostgres>();
        }
        else
        {
            Register<TSqlite>();
        }

        services.AddSingleton(new ModuleDatabase(moduleName, typeof(TContext)));
        return services;

        void Register<TPooled>()
            where TPooled : TContext
        {
            services.AddPooledDbContextFactory<TPooled>((provider, o) => Configure(provider, o));
            services.AddScoped<TContext>(scope =>
            {
                var context = scope.GetRequiredService<IDbContextFactory<TPooled>>().CreateDbContext();
                context.EnterScope(scope.GetRequiredService<TenantContext>());
                return context;
            });
        }

        void Configure(IServiceProvider provider, DbContextOptionsBuilder options)
        {
            settings.Configure(options, moduleName, synchronousUse);
            options.AddInterceptors(provider.GetRequiredService<OutboxSaveInterceptor>());
        }
    }
}

/// <summary>Lets `dotnet ef` build a module's SQLite context without starting the host.</summary>
public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : ModuleDbContext
{
    /// <summary>The module's name, as given to AddModuleDbContext.</summary>
    protected abstract string ModuleName { get; }

    /// <inheritdoc />
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(options, ModuleName);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}

/// <summary>Lets `dotnet ef` build a module's PostgreSQL context without a server.</summary>
public abstract class PostgresDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : ModuleDbContext
{
    /// <summary>The module's name, as given to AddModuleDbContext.</summary>
    protected abstract string ModuleName { get; }

    /// <inheritdoc />
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=design_time").Configure(options, ModuleName);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
