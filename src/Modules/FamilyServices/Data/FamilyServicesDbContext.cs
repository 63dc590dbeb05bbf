using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Catchment;
using Preau.FamilyServices.Menus;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Data;

/// <summary>The Family services module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh FamilyServices</c>.</remarks>
internal class FamilyServicesDbContext(DbContextOptions options, TenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const string Module = "familyservices";

    public override string ModuleName => Module;

    // Quotient familial, tariffs, menus, enrolment and catchment (branch family-b).
    public DbSet<FamilyAuditEntry> AuditEntries => Set<FamilyAuditEntry>();

    public DbSet<QuotientFamilialRecord> QuotientRecords => Set<QuotientFamilialRecord>();

    public DbSet<QuotientRule> QuotientRules => Set<QuotientRule>();

    public DbSet<TariffVersion> TariffVersions => Set<TariffVersion>();

    public DbSet<MenuWeek> MenuWeeks => Set<MenuWeek>();

    public DbSet<MenuSchool> MenuSchools => Set<MenuSchool>();

    public DbSet<MenuDish> MenuDishes => Set<MenuDish>();

    public DbSet<CatchmentRule> CatchmentRules => Set<CatchmentRule>();

    public DbSet<DerogationReason> DerogationReasons => Set<DerogationReason>();

    public DbSet<EnrolmentRequest> EnrolmentRequests => Set<EnrolmentRequest>();

    public DbSet<EnrolmentDocument> EnrolmentDocuments => Set<EnrolmentDocument>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Quotient familial, tariffs, menus, enrolment and catchment (branch family-b).
        modelBuilder.Entity<FamilyAuditEntry>(FamilyAuditEntry.Configure);
        modelBuilder.Entity<QuotientFamilialRecord>(QuotientFamilialRecord.Configure);
        modelBuilder.Entity<QuotientRule>(QuotientRule.Configure);
        modelBuilder.Entity<TariffVersion>(TariffVersion.Configure);
        modelBuilder.Entity<MenuWeek>(MenuWeek.Configure);
        modelBuilder.Entity<MenuSchool>(MenuSchool.Configure);
        modelBuilder.Entity<MenuDish>(MenuDish.Configure);
        modelBuilder.Entity<CatchmentRule>(CatchmentRule.Configure);
        modelBuilder.Entity<DerogationReason>(DerogationReason.Configure);
        modelBuilder.Entity<EnrolmentRequest>(EnrolmentRequest.Configure);
        modelBuilder.Entity<EnrolmentDocument>(EnrolmentDocument.Configure);
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
