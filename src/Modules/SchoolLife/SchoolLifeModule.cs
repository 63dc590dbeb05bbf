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
using Preau.SchoolLife.Calendars;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Demo;
using Preau.SchoolLife.Homework;
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
        return builder;
    }

    /// <summary>Maps the module's endpoints outside Razor Pages: its /api/v1 resources and the calendar feeds.</summary>
    public static WebApplication MapSchoolLifeApi(this WebApplication app)
    {
        HomeworkApi.Map(app.MapGroup("/api/v1"));
        TimetableApi.Map(app.MapGroup("/api/v1"));
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
        services.AddScoped<IPersonalDataSource, HomeworkAndTimetablePersonalData>();
        services.AddScoped<IDemoSeed, HomeworkAndTimetableDemo>();
        services.AddScoped<ISyntheticData, HomeworkAndTimetableSynthetic>();
        services.AddSingleton(new NavigationEntry("Cahier de textes", "/cahier-de-textes", SchoolLifePermissions.ReadHomework, 20));
        services.AddSingleton(new NavigationEntry("Emploi du temps", "/emploi-du-temps", SchoolLifePermissions.ReadTimetable, 21));
    }
}
