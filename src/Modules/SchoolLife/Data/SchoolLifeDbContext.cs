using Microsoft.EntityFrameworkCore;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Calendars;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Data;

/// <summary>The School life module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh SchoolLife</c>.</remarks>
internal class SchoolLifeDbContext(DbContextOptions options, TenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const string Module = "schoollife";

    public override string ModuleName => Module;

    // Homework log, timetable and calendar feeds.
    public DbSet<HomeworkEntry> HomeworkEntries => Set<HomeworkEntry>();

    public DbSet<HomeworkAttachment> HomeworkAttachments => Set<HomeworkAttachment>();

    public DbSet<HomeworkDone> HomeworkDone => Set<HomeworkDone>();

    public DbSet<HomeworkVisit> HomeworkVisits => Set<HomeworkVisit>();

    public DbSet<TimetableSlot> TimetableSlots => Set<TimetableSlot>();

    public DbSet<TimetableChange> TimetableChanges => Set<TimetableChange>();

    public DbSet<ScheduleSettings> ScheduleSettings => Set<ScheduleSettings>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        HomeworkModel.Configure(modelBuilder);
        TimetableModel.Configure(modelBuilder);
        CalendarModel.Configure(modelBuilder);
    }
}

internal sealed class SchoolLifeSqliteDbContext(DbContextOptions<SchoolLifeSqliteDbContext> options, TenantContext tenant) : SchoolLifeDbContext(options, tenant);

internal sealed class SchoolLifePostgresDbContext(DbContextOptions<SchoolLifePostgresDbContext> options, TenantContext tenant) : SchoolLifeDbContext(options, tenant);

internal sealed class SchoolLifeSqliteDesignTimeFactory : SqliteDesignTimeFactory<SchoolLifeSqliteDbContext>
{
    protected override string ModuleName => SchoolLifeDbContext.Module;
}

internal sealed class SchoolLifePostgresDesignTimeFactory : PostgresDesignTimeFactory<SchoolLifePostgresDbContext>
{
    protected override string ModuleName => SchoolLifeDbContext.Module;
}
