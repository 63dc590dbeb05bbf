using Microsoft.EntityFrameworkCore;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Calendars;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.LiaisonNotebook;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Data;

/// <summary>The School life module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh SchoolLife</c>.</remarks>
internal class SchoolLifeDbContext(DbContextOptions options) : ModuleDbContext(options)
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

    // Liaison notebook, absences, assessments and their per-school settings.
    public DbSet<SchoolLifeSettings> SchoolLifeSettings => Set<SchoolLifeSettings>();

    public DbSet<LiaisonNote> LiaisonNotes => Set<LiaisonNote>();

    public DbSet<NoteRecipient> NoteRecipients => Set<NoteRecipient>();

    public DbSet<RollCall> RollCalls => Set<RollCall>();

    public DbSet<Absence> Absences => Set<Absence>();

    public DbSet<AbsenceNotice> AbsenceNotices => Set<AbsenceNotice>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<Mark> Marks => Set<Mark>();

    public DbSet<SubjectAppreciation> SubjectAppreciations => Set<SubjectAppreciation>();

    public DbSet<Competency> Competencies => Set<Competency>();

    public DbSet<CompetencyAssessment> CompetencyAssessments => Set<CompetencyAssessment>();

    public DbSet<PeriodReport> PeriodReports => Set<PeriodReport>();

    public DbSet<PeriodReportAcknowledgement> PeriodReportAcknowledgements => Set<PeriodReportAcknowledgement>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        HomeworkModel.Configure(modelBuilder);
        TimetableModel.Configure(modelBuilder);
        CalendarModel.Configure(modelBuilder);
        // Each capability maps its entities in an IEntityTypeConfiguration next to them.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SchoolLifeDbContext).Assembly);
    }
}

internal sealed class SchoolLifeSqliteDbContext(DbContextOptions<SchoolLifeSqliteDbContext> options) : SchoolLifeDbContext(options);

internal sealed class SchoolLifePostgresDbContext(DbContextOptions<SchoolLifePostgresDbContext> options) : SchoolLifeDbContext(options);

internal sealed class SchoolLifeSqliteDesignTimeFactory : SqliteDesignTimeFactory<SchoolLifeSqliteDbContext>
{
    protected override string ModuleName => SchoolLifeDbContext.Module;
}

internal sealed class SchoolLifePostgresDesignTimeFactory : PostgresDesignTimeFactory<SchoolLifePostgresDbContext>
{
    protected override string ModuleName => SchoolLifeDbContext.Module;
}
