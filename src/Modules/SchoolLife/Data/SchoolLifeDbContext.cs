using Microsoft.EntityFrameworkCore;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Data;

/// <summary>The School life module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh SchoolLife</c>.</remarks>
internal class SchoolLifeDbContext(DbContextOptions options, TenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const string Module = "schoollife";

    public override string ModuleName => Module;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

internal sealed class SchoolLifeSqliteDbContext(DbContextOptions<SchoolLifeSqliteDbContext> options, TenantContext tenant) : SchoolLifeDbContext(options, tenant);

internal sealed class SchoolLifePostgresDbContext(DbContextOptions<SchoolLifePostgresDbContext> options, TenantContext tenant) : SchoolLifeDbContext(options, tenant);

internal sealed class SchoolLifeSqliteDesignTimeFactory : SqliteDesignTimeFactory<SchoolLifeSqliteDbContext>
{
    protected override string ModuleName => SchoolLifeDbContext.Module;
}

internal sealed class SchoolLifePostgresDesignTimeFactory : PostgresDesignTimeFactory<SchoolLifePostgresDbContext>
{
    protected override string ModuleName => SchoolLifeDbContext.Module;
}
