using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Communication.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agenda_event_slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_event_slots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agenda_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReminderMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    SignUpDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OneSlotPerFamily = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agenda_feed_tokens",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_feed_tokens", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "agenda_slot_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuardianId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_slot_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "blog_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlogId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorIsPupil = table.Column<bool>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ModeratedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blog_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "blog_posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlogId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorIsPupil = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ModerationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ModeratedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blog_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "class_blogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommentModeration = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_blogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communication_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AvailableAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HandlersDone = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communication_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_class_options",
                columns: table => new
                {
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilsMayWriteToClass = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_class_options", x => x.ClassGroupId);
                });

            migrationBuilder.CreateTable(
                name: "messaging_conversation_labels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LabelId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_conversation_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AudienceLabel = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ParentConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InvolvesPupil = table.Column<bool>(type: "INTEGER", nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastMessageAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastAuthorName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: true),
                    LastMessagePreview = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswerExpected = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_labels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastIncomingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswerExpected = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderProfile = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RecipientProfile = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reach = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_safety_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_safety_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_settings",
                columns: table => new
                {
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuietHoursEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuietFrom = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    QuietUntil = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    QuietAtWeekends = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuietDuringHolidays = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuietForStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinorsContentInEmails = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    MassSendingThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    HourlyQuotas = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_settings", x => x.TerritoryId);
                });

            migrationBuilder.CreateTable(
                name: "messaging_suspensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuspendedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuspendedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LiftedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_suspensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "news_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_digests",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_digests", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Push = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_preferences", x => new { x.AccountId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "notification_push_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Endpoint = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    P256dh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Auth = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_push_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_vapid_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_vapid_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EmailLink = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EmailDue = table.Column<bool>(type: "INTEGER", nullable: false),
                    PushDue = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoticeAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InDigest = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "published_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    IsImage = table.Column<bool>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_council_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AgendaHtml = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionsDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MinutesHtml = table.Column<string>(type: "TEXT", nullable: true),
                    MinutesStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MinutesApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MinutesPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_council_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_council_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_council_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_council_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedToAgendaAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_council_questions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_councils",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYearLabel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_councils", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_publishing_settings",
                columns: table => new
                {
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewsNeedApproval = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_publishing_settings", x => x.SchoolId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_event_slots_EventId_StartsAt",
                table: "agenda_event_slots",
                columns: new[] { "EventId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_ClassGroupId_StartsAt",
                table: "agenda_events",
                columns: new[] { "ClassGroupId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_OrganizerId_StartsAt",
                table: "agenda_events",
                columns: new[] { "OrganizerId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_SchoolId_StartsAt",
                table: "agenda_events",
                columns: new[] { "SchoolId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_Scope_StartsAt",
                table: "agenda_events",
                columns: new[] { "Scope", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_feed_tokens_Token",
                table: "agenda_feed_tokens",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agenda_slot_bookings_EventId_FamilyKey",
                table: "agenda_slot_bookings",
                columns: new[] { "EventId", "FamilyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agenda_slot_bookings_GuardianId",
                table: "agenda_slot_bookings",
                column: "GuardianId");

            migrationBuilder.CreateIndex(
                name: "IX_agenda_slot_bookings_SlotId",
                table: "agenda_slot_bookings",
                column: "SlotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_blog_comments_AuthorId",
                table: "blog_comments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_blog_comments_BlogId_Status",
                table: "blog_comments",
                columns: new[] { "BlogId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_blog_comments_PostId_Status_CreatedAt",
                table: "blog_comments",
                columns: new[] { "PostId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_blog_posts_AuthorId_UpdatedAt",
                table: "blog_posts",
                columns: new[] { "AuthorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_blog_posts_BlogId_Status_PublishedAt",
                table: "blog_posts",
                columns: new[] { "BlogId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_class_blogs_ClassGroupId",
                table: "class_blogs",
                column: "ClassGroupId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_class_blogs_SchoolId_Visibility",
                table: "class_blogs",
                columns: new[] { "SchoolId", "Visibility" });

            migrationBuilder.CreateIndex(
                name: "IX_communication_outbox_LockedBy",
                table: "communication_outbox",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_communication_outbox_ProcessedAt_AvailableAt",
                table: "communication_outbox",
                columns: new[] { "ProcessedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_attachments_DraftId",
                table: "messaging_attachments",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_attachments_MessageId",
                table: "messaging_attachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_conversation_labels_AccountId_ConversationId",
                table: "messaging_conversation_labels",
                columns: new[] { "AccountId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_conversation_labels_AccountId_LabelId_ConversationId",
                table: "messaging_conversation_labels",
                columns: new[] { "AccountId", "LabelId", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_conversations_ParentConversationId_StartedById",
                table: "messaging_conversations",
                columns: new[] { "ParentConversationId", "StartedById" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_drafts_AuthorId_UpdatedAt",
                table: "messaging_drafts",
                columns: new[] { "AuthorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_labels_AccountId_Name",
                table: "messaging_labels",
                columns: new[] { "AccountId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_AccountId_LastSentAt",
                table: "messaging_members",
                columns: new[] { "AccountId", "LastSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_ConversationId_AccountId",
                table: "messaging_members",
                columns: new[] { "ConversationId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_folder",
                table: "messaging_members",
                columns: new[] { "AccountId", "Folder", "LastIncomingAt", "TerritoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_unread",
                table: "messaging_members",
                columns: new[] { "AccountId", "TerritoryId" },
                filter: "\"Folder\" = 'Inbox' AND \"LastIncomingAt\" IS NOT NULL AND (\"LastReadAt\" IS NULL OR \"LastReadAt\" < \"LastIncomingAt\")");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_messages_AuthorId_SentAt",
                table: "messaging_messages",
                columns: new[] { "AuthorId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_messages_ConversationId_SentAt",
                table: "messaging_messages",
                columns: new[] { "ConversationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_messages_Status",
                table: "messaging_messages",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_reports_ConversationId",
                table: "messaging_reports",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_reports_SchoolId_ClosedAt",
                table: "messaging_reports",
                columns: new[] { "SchoolId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_rules_TerritoryId_SenderProfile_RecipientProfile",
                table: "messaging_rules",
                columns: new[] { "TerritoryId", "SenderProfile", "RecipientProfile" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_safety_log_SchoolId_At",
                table: "messaging_safety_log",
                columns: new[] { "SchoolId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_suspensions_AccountId_LiftedAt",
                table: "messaging_suspensions",
                columns: new[] { "AccountId", "LiftedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_AuthorId_UpdatedAt",
                table: "news_items",
                columns: new[] { "AuthorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_ClassGroupId_Status_PublishAt",
                table: "news_items",
                columns: new[] { "ClassGroupId", "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_SchoolId_Status_PublishAt",
                table: "news_items",
                columns: new[] { "SchoolId", "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_Status_PublishAt",
                table: "news_items",
                columns: new[] { "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notification_push_subscriptions_AccountId",
                table: "notification_push_subscriptions",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_notification_push_subscriptions_Endpoint",
                table: "notification_push_subscriptions",
                column: "Endpoint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_InDigest_RecipientId",
                table: "notifications",
                columns: new[] { "InDigest", "RecipientId" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientId_ReadAt_CreatedAt",
                table: "notifications",
                columns: new[] { "RecipientId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Reference",
                table: "notifications",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_published_files_Owner_OwnerId",
                table: "published_files",
                columns: new[] { "Owner", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_school_council_meetings_CouncilId_StartsAt",
                table: "school_council_meetings",
                columns: new[] { "CouncilId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_school_council_meetings_SchoolId_MinutesStatus",
                table: "school_council_meetings",
                columns: new[] { "SchoolId", "MinutesStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_school_council_members_AccountId",
                table: "school_council_members",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_school_council_members_CouncilId_AccountId",
                table: "school_council_members",
                columns: new[] { "CouncilId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_school_council_questions_AuthorId",
                table: "school_council_questions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_school_council_questions_MeetingId_SubmittedAt",
                table: "school_council_questions",
                columns: new[] { "MeetingId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_school_councils_SchoolId_SchoolYearId",
                table: "school_councils",
                columns: new[] { "SchoolId", "SchoolYearId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agenda_event_slots");

            migrationBuilder.DropTable(
                name: "agenda_events");

            migrationBuilder.DropTable(
                name: "agenda_feed_tokens");

            migrationBuilder.DropTable(
                name: "agenda_slot_bookings");

            migrationBuilder.DropTable(
                name: "blog_comments");

            migrationBuilder.DropTable(
                name: "blog_posts");

            migrationBuilder.DropTable(
                name: "class_blogs");

            migrationBuilder.DropTable(
                name: "communication_outbox");

            migrationBuilder.DropTable(
                name: "messaging_attachments");

            migrationBuilder.DropTable(
                name: "messaging_class_options");

            migrationBuilder.DropTable(
                name: "messaging_conversation_labels");

            migrationBuilder.DropTable(
                name: "messaging_conversations");

            migrationBuilder.DropTable(
                name: "messaging_drafts");

            migrationBuilder.DropTable(
                name: "messaging_labels");

            migrationBuilder.DropTable(
                name: "messaging_members");

            migrationBuilder.DropTable(
                name: "messaging_messages");

            migrationBuilder.DropTable(
                name: "messaging_reports");

            migrationBuilder.DropTable(
                name: "messaging_rules");

            migrationBuilder.DropTable(
                name: "messaging_safety_log");

            migrationBuilder.DropTable(
                name: "messaging_settings");

            migrationBuilder.DropTable(
                name: "messaging_suspensions");

            migrationBuilder.DropTable(
                name: "news_items");

            migrationBuilder.DropTable(
                name: "notification_digests");

            migrationBuilder.DropTable(
                name: "notification_preferences");

            migrationBuilder.DropTable(
                name: "notification_push_subscriptions");

            migrationBuilder.DropTable(
                name: "notification_vapid_keys");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "published_files");

            migrationBuilder.DropTable(
                name: "school_council_meetings");

            migrationBuilder.DropTable(
                name: "school_council_members");

            migrationBuilder.DropTable(
                name: "school_council_questions");

            migrationBuilder.DropTable(
                name: "school_councils");

            migrationBuilder.DropTable(
                name: "school_publishing_settings");
        }
    }
}
