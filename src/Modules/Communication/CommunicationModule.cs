using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Notifications;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Localization;
using Preau.Platform.Outbox;
using Preau.Platform.Web;

namespace Preau.Communication;

/// <summary>The Communication module's public surface.</summary>
public static class CommunicationModule
{
    /// <summary>Registers the module.</summary>
    public static WebApplicationBuilder AddCommunicationModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<CommunicationDbContext, CommunicationSqliteDbContext, CommunicationPostgresDbContext>(builder.Configuration, CommunicationDbContext.Module);
        services.AddTranslations(typeof(CommunicationModule).Assembly);
        services.AddOutboxHandler<NotificationRequested, DeliverNotification>();
        services.AddScoped<IHomeSection, UnreadNotificationsSection>();
        services.AddSingleton(new NavigationEntry("Notifications", "/notifications", Policies.SignedIn, 90));
        // Publishing: news, class blogs, agenda, school council.
        services.AddPublishing();
        return builder;
    }

    /// <summary>Maps the module's /api/v1 endpoints.</summary>
    public static WebApplication MapCommunicationApi(this WebApplication app)
    {
        // Publishing: news, class blogs, agenda, school council.
        app.MapPublishingApi();
        return app;
    }
}
