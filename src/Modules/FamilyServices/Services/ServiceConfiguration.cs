using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Preau.FamilyServices.Services;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> e)
    {
        e.ToTable("family_services");
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Name).HasMaxLength(100);
        e.Property(s => s.Description).HasMaxLength(1000);
        e.Property(s => s.Days).HasConversion<string>().HasMaxLength(80);
        e.Property(s => s.BillingUnit).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.LateChanges).HasConversion<string>().HasMaxLength(30);
        e.Property(s => s.RequiredDocuments).HasConversion<string>().HasMaxLength(200);
        e.HasMany(s => s.Stops).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.SchoolId, s.SchoolYearId });
    }
}

internal sealed class ServiceStopConfiguration : IEntityTypeConfiguration<ServiceStop>
{
    public void Configure(EntityTypeBuilder<ServiceStop> e)
    {
        e.ToTable("family_service_stops");
        e.Property(p => p.Name).HasMaxLength(100);
        e.HasIndex(p => new { p.ServiceId, p.Position });
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.ToTable("service_registrations");
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Reason).HasMaxLength(Registration.MaxReasonLength);
        // One live registration per child and service, even when both households submit at the same time.
        e.HasIndex(r => new { r.ServiceId, r.ChildId }).IsUnique().HasFilter("\"Status\" IN ('Pending', 'Accepted', 'WaitingList')");
        e.HasIndex(r => new { r.ChildId, r.Status });
        e.HasIndex(r => new { r.ServiceId, r.Status, r.QueuedAt });
        e.HasIndex(r => new { r.TerritoryId, r.Status, r.SubmittedAt });
        e.HasIndex(r => r.HouseholdId);
    }
}
