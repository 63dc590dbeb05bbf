using Microsoft.EntityFrameworkCore;

namespace Preau.SchoolLife.Calendars;

/// <summary>The private calendar feeds' table.</summary>
internal static class CalendarModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CalendarFeed>(e =>
        {
            e.ToTable("schoollife_calendar_feeds");
            e.Property(f => f.TokenHash).HasMaxLength(64);
            // Looked up by token before any territory is known: unique across the installation.
            e.HasIndex(f => f.TokenHash).IsUnique();
            e.HasIndex(f => f.AccountId).IsUnique();
        });
    }
}
