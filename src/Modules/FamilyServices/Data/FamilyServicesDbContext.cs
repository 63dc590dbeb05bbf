using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Catchment;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Invoicing;
using Preau.FamilyServices.Menus;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Data;

/// <summary>The Family services module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh FamilyServices</c>.</remarks>
internal class FamilyServicesDbContext(DbContextOptions options) : ModuleDbContext(options)
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


    // Quotient familial, tariffs, menus, enrolment and catchment.
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


    // Invoices and payments.
    public DbSet<InvoiceRun> InvoiceRuns => Set<InvoiceRun>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<OnlinePayment> OnlinePayments => Set<OnlinePayment>();

    public DbSet<InvoiceNumberCounter> InvoiceNumberCounters => Set<InvoiceNumberCounter>();

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

        // Quotient familial, tariffs, menus, enrolment and catchment.
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

        // Invoices and payments.
        modelBuilder.Entity<InvoiceRun>(InvoiceRun.Configure);
        modelBuilder.Entity<Invoice>(Invoice.Configure);
        modelBuilder.Entity<InvoiceLine>(InvoiceLine.Configure);
        modelBuilder.Entity<Payment>(Payment.Configure);
        modelBuilder.Entity<OnlinePayment>(OnlinePayment.Configure);
        modelBuilder.Entity<InvoiceNumberCounter>(InvoiceNumberCounter.Configure);
    }
}

internal sealed class FamilyServicesSqliteDbContext(DbContextOptions<FamilyServicesSqliteDbContext> options) : FamilyServicesDbContext(options);

internal sealed class FamilyServicesPostgresDbContext(DbContextOptions<FamilyServicesPostgresDbContext> options) : FamilyServicesDbContext(options);

internal sealed class FamilyServicesSqliteDesignTimeFactory : SqliteDesignTimeFactory<FamilyServicesSqliteDbContext>
{
    protected override string ModuleName => FamilyServicesDbContext.Module;
}

internal sealed class FamilyServicesPostgresDesignTimeFactory : PostgresDesignTimeFactory<FamilyServicesPostgresDbContext>
{
    protected override string ModuleName => FamilyServicesDbContext.Module;
}
