using Microsoft.EntityFrameworkCore;
using Preau.Platform.Text;

namespace Preau.SchoolLife.Homework;

/// <summary>The homework log's tables, indexed for the family and teacher home pages.</summary>
internal static class HomeworkModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HomeworkEntry>(e =>
        {
            e.ToTable("homework_entries");
            e.Property(h => h.Subject).HasMaxLength(HomeworkEntry.SubjectMaxLength);
            e.Property(h => h.LessonHtml).HasMaxLength(RichText.MaxLength * 2);
            e.Property(h => h.WorkHtml).HasMaxLength(RichText.MaxLength * 2);
            e.Property(h => h.UpdatedAt).IsConcurrencyToken();
            // Families: the work due in a class's coming days; notification and "new" marks: publication order.
            e.HasIndex(h => new { h.ClassGroupId, h.DueOn });
            e.HasIndex(h => new { h.ClassGroupId, h.PublishAt });
            // The class's log, by session; the teacher's sessions of the day.
            e.HasIndex(h => new { h.ClassGroupId, h.SessionOn });
            e.HasIndex(h => new { h.AuthorId, h.SessionOn });
        });

        modelBuilder.Entity<HomeworkAttachment>(e =>
        {
            e.ToTable("homework_attachments");
            e.Property(a => a.Part).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.FileKey).HasMaxLength(64);
            e.Property(a => a.FileName).HasMaxLength(HomeworkAttachment.FileNameMaxLength);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.HasIndex(a => a.EntryId);
            e.HasOne<HomeworkEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<HomeworkDone>(e =>
        {
            e.ToTable("homework_done");
            e.HasIndex(d => new { d.EntryId, d.PupilId }).IsUnique();
            e.HasIndex(d => d.PupilId);
            e.HasOne<HomeworkEntry>().WithMany().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<HomeworkVisit>(e =>
        {
            e.ToTable("homework_visits");
            e.HasIndex(v => new { v.AccountId, v.PupilId }).IsUnique();
            e.HasIndex(v => v.PupilId);
        });
    }
}
