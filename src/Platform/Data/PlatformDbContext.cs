using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Jobs;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Data;

/// <summary>
/// The platform's own tables, owned by no module: the data-protection key ring (so sessions survive
/// restarts and work across processes), the leases of scheduled jobs and the scopes' versions.
/// </summary>
/// <remarks>
/// Migrations: scripts/migrations.sh Platform (see docs/decisions/0002-migrations-per-provider.md).
/// </remarks>
public class PlatformDbContext(DbContextOptions options) : ModuleDbContext(options), IDataProtectionKeyContext
{
    /// <inheritdoc />
    public override string ModuleName => "platform";

    /// <inheritdoc />
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Leases of scheduled jobs.</summary>
    public DbSet<ScheduledJobRun> JobRuns => Set<ScheduledJobRun>();

    /// <summary>One counter per scope, bumped by the triggers of <see cref="ScopeTriggers"/>.</summary>
    public DbSet<ScopeVersion> ScopeVersions => Set<ScopeVersion>();

    /// <inheritdoc />
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
        modelBuilder.Entity<ScheduledJobRun>(e =>
        {
            e.ToTable("platform_job_runs");
            e.HasKey(r => r.Name);
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.LastError).HasMaxLength(2000);
        });
        modelBuilder.Entity<ScopeVersion>(e =>
        {
            e.ToTable("platform_scope_versions");
            e.HasKey(v => v.ScopeId);
        });
    }
}

/// <summary>The SQLite flavour (owns the SQLite migrations).</summary>
internal sealed class PlatformSqliteDbContext(DbContextOptions<PlatformSqliteDbContext> options) : PlatformDbContext(options);

/// <summary>The PostgreSQL flavour (owns the PostgreSQL migrations).</summary>
internal sealed class PlatformPostgresDbContext(DbContextOptions<PlatformPostgresDbContext> options) : PlatformDbContext(options);

internal sealed class PlatformSqliteDesignTimeFactory : SqliteDesignTimeFactory<PlatformSqliteDbContext>
{
    protected override string ModuleName => "platform";
}

internal sealed class PlatformPostgresDesignTimeFactory : PostgresDesignTimeFactory<PlatformPostgresDbContext>
{
    protected override string ModuleName => "platform";
}
