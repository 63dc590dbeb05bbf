using Microsoft.EntityFrameworkCore;

namespace Preau.SchoolLife.Timetable;

/// <summary>The timetable's tables, indexed by class group and by teacher, day by day.</summary>
internal static class TimetableModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TimetableSlot>(e =>
        {
            e.ToTable("timetable_slots");
            e.Property(s => s.Subject).HasMaxLength(TimetableSlot.SubjectMaxLength);
            e.Property(s => s.Room).HasMaxLength(TimetableSlot.RoomMaxLength);
            e.Property(s => s.Weeks).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(s => new { s.ClassGroupId, s.Day });
            e.HasIndex(s => new { s.TeacherId, s.Day });
        });

        modelBuilder.Entity<TimetableChange>(e =>
        {
            e.ToTable("timetable_changes");
            e.Property(c => c.NewRoom).HasMaxLength(TimetableSlot.RoomMaxLength);
            e.Property(c => c.Note).HasMaxLength(TimetableChange.NoteMaxLength);
            e.HasIndex(c => new { c.SlotId, c.LessonOn }).IsUnique();
            e.HasIndex(c => new { c.ClassGroupId, c.LessonOn });
            e.HasIndex(c => new { c.ClassGroupId, c.MovedTo });
            e.HasIndex(c => new { c.ReplacementTeacherId, c.LessonOn });
            e.HasOne<TimetableSlot>().WithMany().HasForeignKey(c => c.SlotId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ScheduleSettings>(e =>
        {
            e.ToTable("schedule_settings");
            e.HasIndex(s => s.SchoolId).IsUnique();
        });
    }
}
