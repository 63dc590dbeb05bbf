using Lib.Net.Http.WebPush;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Abuse;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Communication.Notifications;
using Preau.Communication.Publishing;
using Preau.Communication.Notifications.WebPush;
using Preau.Communication.QuietHours;
using Preau.Communication.Rules;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Demo;
using Preau.Platform.Jobs;
using Preau.Platform.Localization;
using Preau.Platform.Outbox;
using Preau.Platform.Privacy;
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
        services.AddPermissions(CommunicationPermissions.All);
        services.AddSingleton(new StyleSheet("/_content/Preau.Communication/communication.css"));
        services.AddOutboxHandler<NotificationRequested, DeliverNotification>();
        services.AddScoped<IHomeSection, UnreadNotificationsSection>();
        services.AddScopeTrigger<CommunicationDbContext, Notification>(nameof(Notification.RecipientId));
        // The messages badge counts the reader's conversation rows (kept with the home, decision 0020).
        services.AddScopeTrigger<CommunicationDbContext, Messaging.ConversationMember>(nameof(Messaging.ConversationMember.AccountId));
        services.AddSingleton(new NavigationEntry("Notifications", "/notifications", Policies.SignedIn, 90));

        // Notifications: live badge (SignalR, Redis backplane on several processes), notices, digest, Web Push.
        var signalR = services.AddSignalR();
        if (builder.Configuration["Redis:ConnectionString"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("preau"));
        }

        services.AddScoped<LiveBadges>();
        services.AddScoped<INavigationBadge, MessagesBadge>();
        services.AddScoped<INavigationBadge, NotificationsBadge>();
        services.AddSingleton(new ScriptFile("/_content/Preau.Communication/live-badge.js"));
        services.AddSingleton(new HeadLink("manifest", "/manifest.webmanifest"));
        services.AddOutboxHandler<NoticesDue, SendDueNotices>();
        services.AddOutboxHandler<PushRequested, SendWebPush>();
        services.AddScoped<IScheduledJob, DailyDigestJob>();
        services.Configure<WebPushOptions>(builder.Configuration.GetSection("WebPush"));
        services.AddScoped<VapidKeys>();
        services.AddHttpClient<PushServiceClient>();

        // Messaging, its rules, quiet hours and abuse resistance.
        services.AddScoped<IAuthorizationHandler, MessagingAuthorizationHandler>();
        services.AddScoped<TerritoryRules>();
        services.AddScoped<NoticeClock>();
        services.AddScoped<AudienceCatalog>();
        services.AddScoped<RecipientFinder>();
        services.AddScoped<SendingGuard>();
        services.AddScoped<SafetyLog>();
        services.AddScoped<SendMessage>();
        services.AddScoped<Mailbox>();
        services.AddScoped<ConversationResources>();
        services.AddScoped<Moderation>();
        services.AddScoped<Attachments>();
        services.AddScoped<ReadConversation>();
        services.AddScoped<IDemoSeed, Demo.MessagingDemoSeed>();
        services.AddScoped<IPersonalDataSource, MessagingPersonalData>();
        services.AddScoped<ISyntheticData, Synthetic.MessagingSyntheticData>();
        services.AddSingleton(new NavigationEntry("Messagerie", "/messages", CommunicationPermissions.UseMessaging, 20));

        // Publishing: news, class blogs, agenda, school council.
        services.AddPublishing();
        return builder;
    }

    /// <summary>Maps the module's API (/api/v1), its live hub and its installable-app files.</summary>
    public static WebApplication MapCommunicationApi(this WebApplication app)
    {
        app.MapHub<NotificationsHub>(NotificationsHub.Path);
        app.MapMessagingApi();
        app.MapNotificationsApi();
        app.MapPublishingApi();
        return app;
    }
}
