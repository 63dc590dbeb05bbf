using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Demo;
using Preau.Platform.Localization;
using Preau.Platform.Outbox;
using Preau.Platform.Privacy;
using Preau.Platform.Web;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Api;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Calendars;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Demo;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.LiaisonNotebook;
using Preau.SchoolLife.Privacy;
using Preau.SchoolLife.Settings;
using Preau.SchoolLife.Synthetic;
using Preau.SchoolLife.Timetable;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife;

/// <summary>The School life module's public surface.</summary>
public static class SchoolLifeModule
{
    /// <summary>Registers the module.</summary>
    public static WebApplicationBuilder AddSchoolLifeModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<SchoolLifeDbContext, SchoolLifeSqliteDbContext, SchoolLifePostgresDbContext>(builder.Configuration, SchoolLifeDbContext.Module);
        services.AddTranslations(typeof(SchoolLifeModule).Assembly);
        services.AddPermissions(SchoolLifePermissions.All);
        services.AddSingleton(new StyleSheet("/_content/Preau.SchoolLife/schoollife.css"));
        AddHomeworkAndTimetable(services);
        AddFamilyLink(services);
        return builder;
    }

    /// <summary>Maps the module's endpoints outside Razor Pages: its /api/v1 resources and the calendar feeds.</summary>
    public static WebApplication MapSchoolLifeApi(this WebApplication app)
    {
        HomeworkApi.Map(app.MapGroup("/api/v1"));
        TimetableApi.Map(app.MapGroup("/api/v1"));
        PupilRecordsApi.Map(app.MapGroup("/api/v1"));
        CalendarFeedEndpoint.Map(app);
        return app;
    }

    /// <summary>Homework log (cahier de textes), timetable, private calendar feeds and their home-page sections.</summary>
    private static void AddHomeworkAndTimetable(IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, HomeworkAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, TimetableAuthorizationHandler>();
        services.AddScoped<ScheduleSettingsStore>();
        services.AddScoped<FamiliesOfGroup>();
        services.AddScoped<HomeworkAccess>();
        services.AddScoped<SaveHomeworkEntry>();
        services.AddScoped<MarkHomeworkDone>();
        services.AddScoped<ListHomeworkForPupils>();
        services.AddScoped<ListHomeworkForClass>();
        services.AddOutboxHandler<HomeworkPublished, NotifyHomeworkPublished>();
        services.AddScoped<TimetableCache>();
        services.AddScoped<ReadTimetable>();
        services.AddScoped<TeacherChoices>();
        services.AddScoped<SaveTimetableSlot>();
        services.AddScoped<RecordTimetableChange>();
        services.AddScoped<SaveScheduleSettings>();
        services.AddScoped<ManageCalendarFeed>();
        services.AddScoped<BuildCalendarFeed>();
        services.AddScoped<FollowedPupils>();
        services.AddScoped<IHomeSection, FamilyDaySection>();
        services.AddScoped<IHomeSection, TeacherDaySection>();
        // What the homes show of homework and timetables (docs/decisions/0020). An attachment changes with its
        // entry (SaveHomeworkEntry updates the entry in the same save), so the entry's row bumps for it.
        services.AddScopeTrigger<SchoolLifeDbContext, HomeworkEntry>(nameof(HomeworkEntry.ClassGroupId), nameof(HomeworkEntry.AuthorId));
        services.AddScopeTrigger<SchoolLifeDbContext, HomeworkDone>(nameof(HomeworkDone.PupilId));
        services.AddScopeTrigger<SchoolLifeDbContext, HomeworkVisit>(nameof(HomeworkVisit.AccountId));
        services.AddScopeTrigger<SchoolLifeDbContext, TimetableSlot>(nameof(TimetableSlot.ClassGroupId), nameof(TimetableSlot.TeacherId));
        services.AddScopeTrigger<SchoolLifeDbContext, TimetableChange>(nameof(TimetableChange.ClassGroupId), nameof(TimetableChange.ReplacementTeacherId));
        services.AddScopeTrigger<SchoolLifeDbContext, ScheduleSettings>(nameof(ScheduleSettings.SchoolId));
        services.AddScoped<IPersonalDataSource, HomeworkAndTimetablePersonalData>();
        services.AddScoped<IDemoSeed, HomeworkAndTimetableDemo>();
        services.AddScoped<ISyntheticData, HomeworkAndTimetableSynthetic>();
        services.AddSingleton(new NavigationEntry("Cahier de textes", "/cahier-de-textes", SchoolLifePermissions.ReadHomework, 20));
        services.AddSingleton(new NavigationEntry("Emploi du temps", "/emploi-du-temps", SchoolLifePermissions.ReadTimetable, 21));
    }

    /// <summary>The liaison notebook, absences and assessments: their use cases, rights, sections and pages' services.</summary>
    private static void AddFamilyLink(IServiceCollection services)
    {
        services.AddSingleton(new StyleSheet("/_content/Preau.SchoolLife/familylink.css"));
        services.AddScoped<SchoolLifeSettingsStore>();
        services.AddScoped<ChangeSchoolSettings>();
        services.AddScoped<IAuthorizationHandler, PupilRecordsAuthorizationHandler>();
        services.AddScoped<PupilRecordsLoader>();

        services.AddScoped<IAuthorizationHandler, NoteAuthorizationHandler>();
        services.AddScoped<AcknowledgementLinks>();
        services.AddScoped<SendNote>();
        services.AddScoped<AcknowledgeNote>();
        services.AddScoped<AnswerNote>();
        services.AddScoped<RemindNote>();
        services.AddScoped<ReadNotes>();
        services.AddScoped<IHomeSection, NotesToAcknowledgeSection>();
        // A note's own row is not watched: what the home shows of it (title, date) never changes once sent.
        services.AddScopeTrigger<SchoolLifeDbContext, NoteRecipient>(nameof(NoteRecipient.GuardianId));
        services.AddScopeTrigger<SchoolLifeDbContext, SchoolLifeSettings>(nameof(SchoolLifeSettings.SchoolId));
        services.AddSingleton(new NavigationEntry("Carnet de liaison", "/carnet", SchoolLifePermissions.ReadNotes, 30));

        services.AddScoped<TakeRollCall>();
        services.AddOutboxHandler<AbsenceNoticeDue, NotifyGuardiansOfAbsence>();
        services.AddScoped<JustifyAbsence>();
        services.AddScoped<ReviewJustification>();
        services.AddScoped<AnnounceAbsence>();
        services.AddScoped<ReadAbsences>();
        services.AddScoped<IHomeSection, AbsencesToJustifySection>();
        services.AddScoped<IHomeSection, AttendanceDeskSection>();
        services.AddScopeTrigger<SchoolLifeDbContext, Absence>(nameof(Absence.PupilId));
        services.AddSingleton(new NavigationEntry("Faire l’appel", "/appel", SchoolLifePermissions.TakeRollCall, 31));
        services.AddSingleton(new NavigationEntry("Absences", "/absences", SchoolLifePermissions.ReadAbsences, 32));
        services.AddSingleton(new NavigationEntry("Vie scolaire", "/vie-scolaire", SchoolLifePermissions.FollowAttendance, 33));

        services.AddScoped<CreateAssessment>();
        services.AddScoped<RecordMarks>();
        services.AddScoped<WriteAppreciations>();
        services.AddScoped<ReadAssessments>();
        services.AddScoped<AssessCompetencies>();
        services.AddScoped<ReadCompetencies>();
        services.AddScoped<ImportCurriculum>();
        services.AddScoped<AssessmentPeriods>();
        services.AddScoped<IHomeSection, NewMarksSection>();
        services.AddScopeTrigger<SchoolLifeDbContext, Assessment>(nameof(Assessment.ClassGroupId));
        services.AddScopeTrigger<SchoolLifeDbContext, Mark>(nameof(Mark.PupilId));

        services.AddScoped<IDemoSeed, FamilyLinkDemoSeed>();
        services.AddScoped<IPersonalDataSource, FamilyLinkPersonalData>();
        services.AddScoped<ISyntheticData, FamilyLinkSyntheticData>();
        services.AddSingleton(new NavigationEntry("Évaluations", "/evaluations", SchoolLifePermissions.ReadAssessments, 34));
    }
}
