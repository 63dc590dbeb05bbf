using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Preau.Identity.Imports;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> e)
    {
        e.ToTable("import_runs");
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.FileKey).HasMaxLength(64);
        e.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Ignore(x => x.IsWholeTerritory);
        e.Ignore(x => x.IsInProgress);
        e.Ignore(x => x.CanApply);
        e.Ignore(x => x.CanAbandon);
        // The history page lists a territory's runs by date; workers look for runs waiting for a process.
        e.HasIndex(x => new { x.TerritoryId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.LockedUntil });
    }
}

internal sealed class ImportRejectionConfiguration : IEntityTypeConfiguration<ImportRejection>
{
    public void Configure(EntityTypeBuilder<ImportRejection> e)
    {
        e.ToTable("import_rejections");
        e.HasKey(x => x.Id);
        e.Property(x => x.File).HasMaxLength(100);
        e.Property(x => x.Column).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(300);
        e.Property(x => x.Value).HasMaxLength(200);
        // The report pages through a run's rejections in file order.
        e.HasIndex(x => new { x.ImportRunId, x.Id });
        e.HasOne<ImportRun>().WithMany().HasForeignKey(x => x.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
