using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Preau.FamilyServices.Reservations;

internal sealed class ChildDayConfiguration : IEntityTypeConfiguration<ChildDay>
{
    public void Configure(EntityTypeBuilder<ChildDay> e)
    {
        e.ToTable("child_days");
        // The key is also the calendar's index: a child's month is a range of (child, service, day).
        e.HasKey(d => new { d.ChildId, d.ServiceId, d.Day });
        e.Property(d => d.Booking).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.Attendance).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.State).HasConversion<string>().HasMaxLength(30);
        // A day's numbers and attendance sheet: one day, a few services.
        e.HasIndex(d => new { d.Day, d.ServiceId, d.State });
        // A household's month (invoicing).
        e.HasIndex(d => new { d.HouseholdId, d.Day });
        // A family's today and next school day, whatever the service (home page): without it the planner
        // reads every child's row of the day.
        e.HasIndex(d => new { d.ChildId, d.Day });
    }
}

internal sealed class DayStateChangeConfiguration : IEntityTypeConfiguration<DayStateChange>
{
    public void Configure(EntityTypeBuilder<DayStateChange> e)
    {
        e.ToTable("child_day_changes");
        e.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Before).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.After).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.Detail).HasMaxLength(DayStateChange.MaxDetailLength);
        e.HasIndex(c => new { c.ChildId, c.Day });
        e.HasIndex(c => c.ClientMarkId).IsUnique();
    }
}
