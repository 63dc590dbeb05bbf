using Microsoft.EntityFrameworkCore;
using Preau.Communication.Abuse;
using Preau.Communication.Messaging;
using Preau.Communication.Notifications;
using Preau.Communication.Notifications.WebPush;
using Preau.Communication.Rules;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Data;

/// <summary>The Communication module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh Communication</c>.</remarks>
internal class CommunicationDbContext(DbContextOptions options, TenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const string Module = "communication";

    public override string ModuleName => Module;

    public DbSet<Notification> Notifications => Set<Notification>();

    // Notifications: preferences, digests, Web Push.
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();

    public DbSet<VapidKeyPair> VapidKeys => Set<VapidKeyPair>();

    // Messaging, its rules and its safety.
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<MessageAttachment> MessageAttachments => Set<MessageAttachment>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<MailboxLabel> MailboxLabels => Set<MailboxLabel>();

    public DbSet<ConversationLabel> ConversationLabels => Set<ConversationLabel>();

    public DbSet<CommunicationRule> CommunicationRules => Set<CommunicationRule>();

    public DbSet<CommunicationSettings> CommunicationSettings => Set<CommunicationSettings>();

    public DbSet<ClassMessagingOption> ClassMessagingOptions => Set<ClassMessagingOption>();

    public DbSet<SendingSuspension> SendingSuspensions => Set<SendingSuspension>();

    public DbSet<MessageReport> MessageReports => Set<MessageReport>();

    public DbSet<SafetyLogEntry> SafetyLog => Set<SafetyLogEntry>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        NotificationModel.Configure(modelBuilder);
        MessagingModel.Configure(modelBuilder);
    }
}

internal sealed class CommunicationSqliteDbContext(DbContextOptions<CommunicationSqliteDbContext> options, TenantContext tenant) : CommunicationDbContext(options, tenant);

internal sealed class CommunicationPostgresDbContext(DbContextOptions<CommunicationPostgresDbContext> options, TenantContext tenant) : CommunicationDbContext(options, tenant);

internal sealed class CommunicationSqliteDesignTimeFactory : SqliteDesignTimeFactory<CommunicationSqliteDbContext>
{
    protected override string ModuleName => CommunicationDbContext.Module;
}

internal sealed class CommunicationPostgresDesignTimeFactory : PostgresDesignTimeFactory<CommunicationPostgresDbContext>
{
    protected override string ModuleName => CommunicationDbContext.Module;
}
