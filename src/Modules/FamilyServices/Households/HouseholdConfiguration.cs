using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Preau.FamilyServices.Households;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.ToTable("households");
        e.Property(h => h.Name).HasMaxLength(120);
        e.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(h => h.Street).HasMaxLength(200);
        e.Property(h => h.PostalCode).HasMaxLength(10);
        e.Property(h => h.City).HasMaxLength(100);
        e.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(h => new { h.TerritoryId, h.Status, h.Name });
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> e)
    {
        e.ToTable("household_members");
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.MobilePhone).HasMaxLength(PhoneNumber.MaxLength);
        e.Property(m => m.OtherPhone).HasMaxLength(PhoneNumber.MaxLength);
        e.HasIndex(m => new { m.HouseholdId, m.PersonId }).IsUnique();
        // "Which households is this guardian or child in": every page of a family starts here.
        e.HasIndex(m => new { m.PersonId, m.Role });
    }
}

internal sealed class AuthorizedPickupConfiguration : IEntityTypeConfiguration<AuthorizedPickup>
{
    public void Configure(EntityTypeBuilder<AuthorizedPickup> e)
    {
        e.ToTable("household_pickups");
        e.Property(p => p.Name).HasMaxLength(100);
        e.Property(p => p.Phone).HasMaxLength(PhoneNumber.MaxLength);
        e.Property(p => p.Relation).HasMaxLength(60);
        e.HasIndex(p => new { p.HouseholdId, p.ChildId });
        e.HasIndex(p => p.ChildId);
    }
}

internal sealed class ChildMedicalInfoConfiguration : IEntityTypeConfiguration<ChildMedicalInfo>
{
    public void Configure(EntityTypeBuilder<ChildMedicalInfo> e)
    {
        e.ToTable("child_medical_info");
        e.HasKey(m => m.ChildId);
        // Stored as an integer (not as text like other enums): menus match a dish's allergens with a bitwise AND in SQL.
        e.Property(m => m.Allergens).HasConversion<int>();
        e.Property(m => m.OtherAllergies).HasMaxLength(500);
        e.Property(m => m.IndividualCarePlanDetails).HasMaxLength(ChildMedicalInfo.MaxTextLength);
        e.Property(m => m.DoctorName).HasMaxLength(100);
        e.Property(m => m.DoctorPhone).HasMaxLength(PhoneNumber.MaxLength);
        e.Property(m => m.Notes).HasMaxLength(ChildMedicalInfo.MaxTextLength);
    }
}

internal sealed class SupportingDocumentConfiguration : IEntityTypeConfiguration<SupportingDocument>
{
    public void Configure(EntityTypeBuilder<SupportingDocument> e)
    {
        e.ToTable("household_documents");
        e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.FileKey).HasMaxLength(64);
        e.Property(d => d.ContentType).HasMaxLength(100);
        e.Property(d => d.FileName).HasMaxLength(SupportingDocuments.MaxFileNameLength);
        e.Property(d => d.RejectionReason).HasMaxLength(500);
        e.HasIndex(d => d.HouseholdId);
        // The agent's queue: pending documents, oldest first.
        e.HasIndex(d => new { d.TerritoryId, d.Status, d.UploadedAt });
    }
}

internal sealed class HouseholdChangeConfiguration : IEntityTypeConfiguration<HouseholdChange>
{
    public void Configure(EntityTypeBuilder<HouseholdChange> e)
    {
        e.ToTable("household_changes");
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.Detail).HasMaxLength(HouseholdChange.MaxDetailLength);
        e.HasIndex(c => new { c.HouseholdId, c.At });
    }
}
