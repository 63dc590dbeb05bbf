using Preau.Communication.Data;
using Preau.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.News;
using Preau.Platform.Authorization;
using Preau.Platform.Outbox;
using Preau.Platform.Web;

namespace Preau.Communication.Publishing;

/// <summary>Registration of publishing (news, class blogs, agenda, school council): one call from the module.</summary>
internal static class PublishingRegistration
{
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddSingleton(new StyleSheet("/_content/Preau.Communication/publishing.css"));
        services.AddScoped<Readership>();
        services.AddScoped<IAuthorizationHandler, PublishingAuthorizationHandler>();
        services.AddScoped<Targets>();
        services.AddScoped<Audiences>();
        services.AddScoped<PublishedFiles>();
        services.AddScoped<PublishedFileAccess>();
        services.AddScoped<PublicSite>();
        services.AddScoped<PublicSchools>();
        services.AddScoped<Platform.Demo.IDemoSeed, Demo.PublishingDemoSeed>();
        services.AddScoped<Platform.Demo.ISyntheticData, Synthetic.PublishingSyntheticData>();
        services.AddScoped<Platform.Privacy.IPersonalDataSource, PublishingPersonalData>();

        services.AddScoped<SaveNews>();
        services.AddScoped<ListNews>();
        services.AddOutboxHandler<NewsWentLive, NotifyNewsAudience>();
        services.AddScoped<IHomeSection, NewsSection>();
        services.AddScopeTrigger<CommunicationDbContext, NewsItem>([nameof(NewsItem.SchoolId), nameof(NewsItem.ClassGroupId)], territoryWhenNull: nameof(NewsItem.SchoolId));
        services.AddSingleton(new NavigationEntry("Actualités", "/actualites", Policies.SignedIn, 20));

        services.AddScoped<Blogs.ClassBlogs>();

        services.AddScoped<Agenda.AgendaEvents>();
        services.AddScoped<Agenda.ListEvents>();
        services.AddScoped<Agenda.CalendarFeeds>();
        services.AddOutboxHandler<Agenda.AgendaReminderDue, Agenda.SendAgendaReminder>();
        services.AddScoped<IHomeSection, Agenda.AgendaSection>();
        services.AddScopeTrigger<CommunicationDbContext, Agenda.AgendaEvent>(
            [nameof(Agenda.AgendaEvent.SchoolId), nameof(Agenda.AgendaEvent.ClassGroupId), nameof(Agenda.AgendaEvent.OrganizerId)],
            territoryWhenNull: nameof(Agenda.AgendaEvent.SchoolId));
        services.AddSingleton(new NavigationEntry("Agenda", "/agenda", Policies.SignedIn, 40));

        services.AddScoped<SchoolCouncil.SchoolCouncils>();
        services.AddSingleton(new NavigationEntry("Conseil d’école", "/conseil-ecole", CommunicationPermissions.UseSchoolCouncil, 50));
        services.AddSingleton(new NavigationEntry("Blogs", "/blogs", CommunicationPermissions.UseBlogs, 30));
        return services;
    }
}
