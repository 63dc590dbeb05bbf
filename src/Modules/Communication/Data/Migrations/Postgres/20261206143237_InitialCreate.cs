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
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "IX_agenda_event_slots_TerritoryId",
                schema: "communication",
                table: "agenda_event_slots",
                column: "TerritoryId");

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
                name: "IX_agenda_events_TerritoryId",
                schema: "communication",
                table: "agenda_events",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_agenda_feed_tokens_TerritoryId",
                schema: "communication",
                table: "agenda_feed_tokens",
                column: "TerritoryId");

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
                name: "IX_agenda_slot_bookings_TerritoryId",
                schema: "communication",
                table: "agenda_slot_bookings",
                column: "TerritoryId");

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
                name: "IX_blog_comments_TerritoryId",
                schema: "communication",
                table: "blog_comments",
                column: "TerritoryId");

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
                name: "IX_blog_posts_TerritoryId",
                schema: "communication",
                table: "blog_posts",
                column: "TerritoryId");

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
                name: "IX_class_blogs_TerritoryId",
                schema: "communication",
                table: "class_blogs",
                column: "TerritoryId");

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
                name: "IX_news_items_TerritoryId",
                schema: "communication",
                table: "news_items",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientId_ReadAt_CreatedAt",
                schema: "communication",
                table: "notifications",
                columns: new[] { "RecipientId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_TerritoryId",
                schema: "communication",
                table: "notifications",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_published_files_Owner_OwnerId",
                schema: "communication",
                table: "published_files",
                columns: new[] { "Owner", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_published_files_TerritoryId",
                schema: "communication",
                table: "published_files",
                column: "TerritoryId");

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
                name: "IX_school_council_meetings_TerritoryId",
                schema: "communication",
                table: "school_council_meetings",
                column: "TerritoryId");

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
                name: "IX_school_council_members_TerritoryId",
                schema: "communication",
                table: "school_council_members",
                column: "TerritoryId");

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
                name: "IX_school_council_questions_TerritoryId",
                schema: "communication",
                table: "school_council_questions",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_school_councils_SchoolId_SchoolYearId",
                schema: "communication",
                table: "school_councils",
                columns: new[] { "SchoolId", "SchoolYearId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_school_councils_TerritoryId",
                schema: "communication",
                table: "school_councils",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_school_publishing_settings_TerritoryId",
                schema: "communication",
                table: "school_publishing_settings",
                column: "TerritoryId");
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
                name: "news_items",
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
