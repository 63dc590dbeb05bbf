using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Data;

/// <summary>The Family services module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh FamilyServices</c>.</remarks>
internal class FamilyServicesDbContext(DbContextOptions options, TenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const string Module = "familyservices";

    public override string ModuleName => Module;

    // Households, services and registrations, reservations and attendance (docs/family-services.md).
    public DbSet<Household> Households => Set<Household>();

    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();

    public DbSet<AuthorizedPickup> AuthorizedPickups => Set<AuthorizedPickup>();

    public DbSet<ChildMedicalInfo> MedicalInfo => Set<ChildMedicalInfo>();

    public DbSet<SupportingDocument> SupportingDocuments => Set<SupportingDocument>();

    public DbSet<HouseholdChange> HouseholdChanges => Set<HouseholdChange>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceStop> ServiceStops => Set<ServiceStop>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<ChildDay> ChildDays => Set<ChildDay>();

    public DbSet<DayStateChange> DayStateChanges => Set<DayStateChange>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Households, services and registrations, reservations and attendance.
        modelBuilder.ApplyConfiguration(new HouseholdConfiguration());
        modelBuilder.ApplyConfiguration(new HouseholdMemberConfiguration());
        modelBuilder.ApplyConfiguration(new AuthorizedPickupConfiguration());
        modelBuilder.ApplyConfiguration(new ChildMedicalInfoConfiguration());
        modelBuilder.ApplyConfiguration(new SupportingDocumentConfiguration());
        modelBuilder.ApplyConfiguration(new HouseholdChangeConfiguration());
        modelBuilder.ApplyConfiguration(new ServiceConfiguration());
        modelBuilder.ApplyConfiguration(new ServiceStopConfiguration());
        modelBuilder.ApplyConfiguration(new RegistrationConfiguration());
        modelBuilder.ApplyConfiguration(new ChildDayConfiguration());
        modelBuilder.ApplyConfiguration(new DayStateChangeConfiguration());
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
