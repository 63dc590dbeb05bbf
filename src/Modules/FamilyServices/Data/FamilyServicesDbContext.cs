using Microsoft.EntityFrameworkCore;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Data;

/// <summary>The Family services module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh FamilyServices</c>.</remarks>
internal class FamilyServicesDbContext(DbContextOptions options, TenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const string Module = "familyservices";

    public override string ModuleName => Module;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

internal sealed class FamilyServicesSqliteDbContext(DbContextOptions<FamilyServicesSqliteDbContext> options, TenantContext tenant) : FamilyServicesDbContext(options, tenant);

internal sealed class FamilyServicesPostgresDbContext(DbContextOptions<FamilyServicesPostgresDbContext> options, TenantContext tenant) : FamilyServicesDbContext(options, tenant);

internal sealed class FamilyServicesSqliteDesignTimeFactory : SqliteDesignTimeFactory<FamilyServicesSqliteDbContext>
{
    protected override string ModuleName => FamilyServicesDbContext.Module;
}

internal sealed class FamilyServicesPostgresDesignTimeFactory : PostgresDesignTimeFactory<FamilyServicesPostgresDbContext>
{
    protected override string ModuleName => FamilyServicesDbContext.Module;
}
