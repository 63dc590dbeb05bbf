using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Preau.Communication.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "communication");

            migrationBuilder.CreateTable(
                name: "agenda_event_slots",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_event_slots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agenda_events",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReminderMinutes = table.Column<int>(type: "integer", nullable: true),
                    SignUpDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OneSlotPerFamily = table.Column<bool>(type: "boolean", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agenda_feed_tokens",
                schema: "communication",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_feed_tokens", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "agenda_slot_bookings",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuardianId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyKey = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_slot_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "blog_comments",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    BlogId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorIsPupil = table.Column<bool>(type: "boolean", nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ModeratedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blog_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "blog_posts",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    BlogId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorIsPupil = table.Column<bool>(type: "boolean", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ModerationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ModeratedById = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blog_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "class_blogs",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CommentModeration = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_class_blogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communication_outbox",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    AvailableAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Failed = table.Column<bool>(type: "boolean", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HandlersDone = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communication_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_attachments",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: true),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_class_options",
                schema: "communication",
                columns: table => new
                {
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilsMayWriteToClass = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_class_options", x => x.ClassGroupId);
                });

            migrationBuilder.CreateTable(
                name: "messaging_conversation_labels",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LabelId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_conversation_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_conversations",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedById = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AudienceLabel = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ParentConversationId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvolvesPupil = table.Column<bool>(type: "boolean", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    LastMessageAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastAuthorName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: true),
                    LastMessagePreview = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_drafts",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Recipients = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    AnswerExpected = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_labels",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_members",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Folder = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastIncomingAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_messages",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Audience = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false),
                    NoticesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    AnswerExpected = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_reports",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_rules",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderProfile = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecipientProfile = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Reach = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_safety_log",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_safety_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_settings",
                schema: "communication",
                columns: table => new
                {
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuietHoursEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    QuietFrom = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    QuietUntil = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    QuietAtWeekends = table.Column<bool>(type: "boolean", nullable: false),
                    QuietDuringHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    QuietForStaff = table.Column<bool>(type: "boolean", nullable: false),
                    MinorsContentInEmails = table.Column<bool>(type: "boolean", nullable: false),
                    DigestAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    MassSendingThreshold = table.Column<int>(type: "integer", nullable: false),
                    HourlyQuotas = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_settings", x => x.TerritoryId);
                });

            migrationBuilder.CreateTable(
                name: "messaging_suspensions",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    SuspendedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SuspendedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LiftedById = table.Column<Guid>(type: "uuid", nullable: true),
                    LiftedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_suspensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "news_items",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_digests",
                schema: "communication",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_digests", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                schema: "communication",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Push = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_preferences", x => new { x.AccountId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "notification_push_subscriptions",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Endpoint = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    P256dh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Auth = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_push_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_vapid_keys",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_vapid_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EmailLink = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EmailDue = table.Column<bool>(type: "boolean", nullable: false),
                    PushDue = table.Column<bool>(type: "boolean", nullable: false),
                    NoticeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InDigest = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "published_files",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Owner = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    IsImage = table.Column<bool>(type: "boolean", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_council_meetings",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    CouncilId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgendaHtml = table.Column<string>(type: "text", nullable: false),
                    QuestionsDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MinutesHtml = table.Column<string>(type: "text", nullable: true),
                    MinutesStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MinutesApprovedById = table.Column<Guid>(type: "uuid", nullable: true),
                    MinutesApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MinutesPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_council_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_council_members",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    CouncilId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_council_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_council_questions",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedToAgendaAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_council_questions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_councils",
                schema: "communication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolYearLabel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_councils", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_publishing_settings",
                schema: "communication",
                columns: table => new
                {
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewsNeedApproval = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_publishing_settings", x => x.SchoolId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_event_slots_EventId_StartsAt",
                schema: "communication",
                table: "agenda_event_slots",
                columns: new[] { "EventId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_ClassGroupId_StartsAt",
                schema: "communication",
                table: "agenda_events",
                columns: new[] { "ClassGroupId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_OrganizerId_StartsAt",
                schema: "communication",
                table: "agenda_events",
                columns: new[] { "OrganizerId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_SchoolId_StartsAt",
                schema: "communication",
                table: "agenda_events",
                columns: new[] { "SchoolId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_events_Scope_StartsAt",
                schema: "communication",
                table: "agenda_events",
                columns: new[] { "Scope", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_feed_tokens_Token",
                schema: "communication",
                table: "agenda_feed_tokens",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agenda_slot_bookings_EventId_FamilyKey",
                schema: "communication",
                table: "agenda_slot_bookings",
                columns: new[] { "EventId", "FamilyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agenda_slot_bookings_GuardianId",
                schema: "communication",
                table: "agenda_slot_bookings",
                column: "GuardianId");

            migrationBuilder.CreateIndex(
                name: "IX_agenda_slot_bookings_SlotId",
                schema: "communication",
                table: "agenda_slot_bookings",
                column: "SlotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_blog_comments_AuthorId",
                schema: "communication",
                table: "blog_comments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_blog_comments_BlogId_Status",
                schema: "communication",
                table: "blog_comments",
                columns: new[] { "BlogId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_blog_comments_PostId_Status_CreatedAt",
                schema: "communication",
                table: "blog_comments",
                columns: new[] { "PostId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_blog_posts_AuthorId_UpdatedAt",
                schema: "communication",
                table: "blog_posts",
                columns: new[] { "AuthorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_blog_posts_BlogId_Status_PublishedAt",
                schema: "communication",
                table: "blog_posts",
                columns: new[] { "BlogId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_class_blogs_ClassGroupId",
                schema: "communication",
                table: "class_blogs",
                column: "ClassGroupId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_class_blogs_SchoolId_Visibility",
                schema: "communication",
                table: "class_blogs",
                columns: new[] { "SchoolId", "Visibility" });

            migrationBuilder.CreateIndex(
                name: "IX_communication_outbox_LockedBy",
                schema: "communication",
                table: "communication_outbox",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_communication_outbox_ProcessedAt_AvailableAt",
                schema: "communication",
                table: "communication_outbox",
                columns: new[] { "ProcessedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_attachments_DraftId",
                schema: "communication",
                table: "messaging_attachments",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_attachments_MessageId",
                schema: "communication",
                table: "messaging_attachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_conversation_labels_AccountId_ConversationId",
                schema: "communication",
                table: "messaging_conversation_labels",
                columns: new[] { "AccountId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_conversation_labels_AccountId_LabelId_Conversatio~",
                schema: "communication",
                table: "messaging_conversation_labels",
                columns: new[] { "AccountId", "LabelId", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_conversations_ParentConversationId_StartedById",
                schema: "communication",
                table: "messaging_conversations",
                columns: new[] { "ParentConversationId", "StartedById" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_drafts_AuthorId_UpdatedAt",
                schema: "communication",
                table: "messaging_drafts",
                columns: new[] { "AuthorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_labels_AccountId_Name",
                schema: "communication",
                table: "messaging_labels",
                columns: new[] { "AccountId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_AccountId_LastSentAt",
                schema: "communication",
                table: "messaging_members",
                columns: new[] { "AccountId", "LastSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_ConversationId_AccountId",
                schema: "communication",
                table: "messaging_members",
                columns: new[] { "ConversationId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_folder",
                schema: "communication",
                table: "messaging_members",
                columns: new[] { "AccountId", "Folder", "LastIncomingAt", "TerritoryId" })
                .Annotation("Npgsql:IndexInclude", new[] { "ConversationId", "LastReadAt", "LastSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_members_unread",
                schema: "communication",
                table: "messaging_members",
                columns: new[] { "AccountId", "TerritoryId" },
                filter: "\"Folder\" = 'Inbox' AND \"LastIncomingAt\" IS NOT NULL AND (\"LastReadAt\" IS NULL OR \"LastReadAt\" < \"LastIncomingAt\")");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_messages_AuthorId_SentAt",
                schema: "communication",
                table: "messaging_messages",
                columns: new[] { "AuthorId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_messages_ConversationId_SentAt",
                schema: "communication",
                table: "messaging_messages",
                columns: new[] { "ConversationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_messages_Status",
                schema: "communication",
                table: "messaging_messages",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_reports_ConversationId",
                schema: "communication",
                table: "messaging_reports",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_reports_SchoolId_ClosedAt",
                schema: "communication",
                table: "messaging_reports",
                columns: new[] { "SchoolId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_rules_TerritoryId_SenderProfile_RecipientProfile",
                schema: "communication",
                table: "messaging_rules",
                columns: new[] { "TerritoryId", "SenderProfile", "RecipientProfile" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_safety_log_SchoolId_At",
                schema: "communication",
                table: "messaging_safety_log",
                columns: new[] { "SchoolId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_suspensions_AccountId_LiftedAt",
                schema: "communication",
                table: "messaging_suspensions",
                columns: new[] { "AccountId", "LiftedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_AuthorId_UpdatedAt",
                schema: "communication",
                table: "news_items",
                columns: new[] { "AuthorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_ClassGroupId_Status_PublishAt",
                schema: "communication",
                table: "news_items",
                columns: new[] { "ClassGroupId", "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_SchoolId_Status_PublishAt",
                schema: "communication",
                table: "news_items",
                columns: new[] { "SchoolId", "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_Status_PublishAt",
                schema: "communication",
                table: "news_items",
                columns: new[] { "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notification_push_subscriptions_AccountId",
                schema: "communication",
                table: "notification_push_subscriptions",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_notification_push_subscriptions_Endpoint",
                schema: "communication",
                table: "notification_push_subscriptions",
                column: "Endpoint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_InDigest_RecipientId",
                schema: "communication",
                table: "notifications",
                columns: new[] { "InDigest", "RecipientId" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientId_ReadAt_CreatedAt",
                schema: "communication",
                table: "notifications",
                columns: new[] { "RecipientId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Reference",
                schema: "communication",
                table: "notifications",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_published_files_Owner_OwnerId",
                schema: "communication",
                table: "published_files",
                columns: new[] { "Owner", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_school_council_meetings_CouncilId_StartsAt",
                schema: "communication",
                table: "school_council_meetings",
                columns: new[] { "CouncilId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_school_council_meetings_SchoolId_MinutesStatus",
                schema: "communication",
                table: "school_council_meetings",
                columns: new[] { "SchoolId", "MinutesStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_school_council_members_AccountId",
                schema: "communication",
                table: "school_council_members",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_school_council_members_CouncilId_AccountId",
                schema: "communication",
                table: "school_council_members",
                columns: new[] { "CouncilId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_school_council_questions_AuthorId",
                schema: "communication",
                table: "school_council_questions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_school_council_questions_MeetingId_SubmittedAt",
                schema: "communication",
                table: "school_council_questions",
                columns: new[] { "MeetingId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_school_councils_SchoolId_SchoolYearId",
                schema: "communication",
                table: "school_councils",
                columns: new[] { "SchoolId", "SchoolYearId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agenda_event_slots",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "agenda_events",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "agenda_feed_tokens",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "agenda_slot_bookings",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "blog_comments",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "blog_posts",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "class_blogs",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "communication_outbox",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_attachments",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_class_options",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_conversation_labels",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_conversations",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_drafts",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_labels",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_members",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_messages",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_reports",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_rules",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_safety_log",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_settings",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "messaging_suspensions",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "news_items",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "notification_digests",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "notification_preferences",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "notification_push_subscriptions",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "notification_vapid_keys",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "published_files",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "school_council_meetings",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "school_council_members",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "school_council_questions",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "school_councils",
                schema: "communication");

            migrationBuilder.DropTable(
                name: "school_publishing_settings",
                schema: "communication");
        }
    }
}
