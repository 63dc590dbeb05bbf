using Microsoft.EntityFrameworkCore;
using Preau.Communication.Abuse;
using Preau.Communication.Agenda;
using Preau.Communication.Blogs;
using Preau.Communication.Messaging;
using Preau.Communication.News;
using Preau.Communication.Notifications.WebPush;
using Preau.Communication.Notifications;
using Preau.Communication.Publishing;
using Preau.Communication.Rules;
using Preau.Communication.SchoolCouncil;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Data;

/// <summary>The Communication module's tables.</summary>
/// <remarks>Migrations: <c>scripts/migrations.sh Communication</c>.</remarks>
internal class CommunicationDbContext(DbContextOptions options) : ModuleDbContext(options)
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

    // Publishing: news, class blogs, agenda, school council (one group, kept together for merges).
    public DbSet<NewsItem> News => Set<NewsItem>();

    public DbSet<SchoolPublishingSettings> SchoolPublishingSettings => Set<SchoolPublishingSettings>();

    public DbSet<PublishedFile> PublishedFiles => Set<PublishedFile>();

    public DbSet<ClassBlog> ClassBlogs => Set<ClassBlog>();

    public DbSet<BlogPost> BlogPosts => Set<BlogPost>();

    public DbSet<BlogComment> BlogComments => Set<BlogComment>();

    public DbSet<AgendaEvent> AgendaEvents => Set<AgendaEvent>();

    public DbSet<EventSlot> EventSlots => Set<EventSlot>();

    public DbSet<SlotBooking> SlotBookings => Set<SlotBooking>();

    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    public DbSet<SchoolCouncilSpace> SchoolCouncils => Set<SchoolCouncilSpace>();

    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();

    public DbSet<CouncilMeeting> CouncilMeetings => Set<CouncilMeeting>();

    public DbSet<CouncilQuestion> CouncilQuestions => Set<CouncilQuestion>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        NotificationModel.Configure(modelBuilder);
        MessagingModel.Configure(modelBuilder);
        ConfigurePublishing(modelBuilder);
    }

    /// <summary>News, class blogs, agenda and school council: indexes serve the reader's lists and the public page.</summary>
    private static void ConfigurePublishing(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NewsItem>(e =>
        {
            e.ToTable("news_items");
            e.Property(n => n.Title).HasMaxLength(NewsItem.TitleMaxLength);
            e.Property(n => n.Audience).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.RejectionReason).HasMaxLength(1000);
            e.HasIndex(n => new { n.Status, n.PublishAt });
            e.HasIndex(n => new { n.SchoolId, n.Status, n.PublishAt });
            e.HasIndex(n => new { n.ClassGroupId, n.Status, n.PublishAt });
            e.HasIndex(n => new { n.AuthorId, n.UpdatedAt });
        });
        modelBuilder.Entity<SchoolPublishingSettings>(e =>
        {
            e.ToTable("school_publishing_settings");
            e.HasKey(s => s.SchoolId);
        });
        modelBuilder.Entity<PublishedFile>(e =>
        {
            e.ToTable("published_files");
            e.Property(f => f.Owner).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.FileKey).HasMaxLength(64);
            e.Property(f => f.FileName).HasMaxLength(PublishedFile.NameMaxLength);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.HasIndex(f => new { f.Owner, f.OwnerId });
        });
        modelBuilder.Entity<ClassBlog>(e =>
        {
            e.ToTable("class_blogs");
            e.Property(b => b.Visibility).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.CommentModeration).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(b => b.ClassGroupId).IsUnique();
            e.HasIndex(b => new { b.SchoolId, b.Visibility });
        });
        modelBuilder.Entity<BlogPost>(e =>
        {
            e.ToTable("blog_posts");
            e.Property(p => p.Title).HasMaxLength(BlogPost.TitleMaxLength);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.ModerationNote).HasMaxLength(1000);
            e.HasIndex(p => new { p.BlogId, p.Status, p.PublishedAt });
            e.HasIndex(p => new { p.AuthorId, p.UpdatedAt });
        });
        modelBuilder.Entity<BlogComment>(e =>
        {
            e.ToTable("blog_comments");
            e.Property(c => c.Body).HasMaxLength(BlogComment.BodyMaxLength);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(c => new { c.PostId, c.Status, c.CreatedAt });
            e.HasIndex(c => new { c.BlogId, c.Status });
            e.HasIndex(c => c.AuthorId);
        });
        modelBuilder.Entity<AgendaEvent>(e =>
        {
            e.ToTable("agenda_events");
            e.Property(a => a.Title).HasMaxLength(AgendaEvent.TitleMaxLength);
            e.Property(a => a.Description).HasMaxLength(AgendaEvent.DescriptionMaxLength);
            e.Property(a => a.Location).HasMaxLength(AgendaEvent.LocationMaxLength);
            e.Property(a => a.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Category).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(a => new { a.Scope, a.StartsAt });
            e.HasIndex(a => new { a.SchoolId, a.StartsAt });
            e.HasIndex(a => new { a.ClassGroupId, a.StartsAt });
            e.HasIndex(a => new { a.OrganizerId, a.StartsAt });
        });
        modelBuilder.Entity<EventSlot>(e =>
        {
            e.ToTable("agenda_event_slots");
            e.HasIndex(s => new { s.EventId, s.StartsAt });
        });
        modelBuilder.Entity<SlotBooking>(e =>
        {
            e.ToTable("agenda_slot_bookings");
            // One family per slot, and one slot per family when the event says so, even under concurrent sign-ups.
            e.HasIndex(b => b.SlotId).IsUnique();
            e.HasIndex(b => new { b.EventId, b.FamilyKey }).IsUnique();
            e.HasIndex(b => b.GuardianId);
        });
        modelBuilder.Entity<CalendarFeedToken>(e =>
        {
            e.ToTable("agenda_feed_tokens");
            e.HasKey(t => t.AccountId);
            e.Property(t => t.Token).HasMaxLength(64);
            e.HasIndex(t => t.Token).IsUnique();
        });
        modelBuilder.Entity<SchoolCouncilSpace>(e =>
        {
            e.ToTable("school_councils");
            e.Property(c => c.SchoolYearLabel).HasMaxLength(20);
            e.HasIndex(c => new { c.SchoolId, c.SchoolYearId }).IsUnique();
        });
        modelBuilder.Entity<CouncilMember>(e =>
        {
            e.ToTable("school_council_members");
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(m => new { m.CouncilId, m.AccountId }).IsUnique();
            e.HasIndex(m => m.AccountId);
        });
        modelBuilder.Entity<CouncilMeeting>(e =>
        {
            e.ToTable("school_council_meetings");
            e.Property(m => m.Location).HasMaxLength(CouncilMeeting.LocationMaxLength);
            e.Property(m => m.MinutesStatus).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(m => new { m.CouncilId, m.StartsAt });
            e.HasIndex(m => new { m.SchoolId, m.MinutesStatus });
        });
        modelBuilder.Entity<CouncilQuestion>(e =>
        {
            e.ToTable("school_council_questions");
            e.Property(q => q.Text).HasMaxLength(CouncilQuestion.TextMaxLength);
            e.HasIndex(q => new { q.MeetingId, q.SubmittedAt });
            e.HasIndex(q => q.AuthorId);
        });
    }
}

internal sealed class CommunicationSqliteDbContext(DbContextOptions<CommunicationSqliteDbContext> options) : CommunicationDbContext(options);

internal sealed class CommunicationPostgresDbContext(DbContextOptions<CommunicationPostgresDbContext> options) : CommunicationDbContext(options);

internal sealed class CommunicationSqliteDesignTimeFactory : SqliteDesignTimeFactory<CommunicationSqliteDbContext>
{
    protected override string ModuleName => CommunicationDbContext.Module;
}

internal sealed class CommunicationPostgresDesignTimeFactory : PostgresDesignTimeFactory<CommunicationPostgresDbContext>
{
    protected override string ModuleName => CommunicationDbContext.Module;
}
