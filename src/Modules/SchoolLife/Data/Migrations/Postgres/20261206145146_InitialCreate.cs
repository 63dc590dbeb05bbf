using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Preau.SchoolLife.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "schoollife");

            migrationBuilder.CreateTable(
                name: "homework_entries",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SessionOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SessionStartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    LessonHtml = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    WorkHtml = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EstimatedMinutes = table.Column<int>(type: "integer", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "homework_visits",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastVisitAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schedule_settings",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeekAReference = table.Column<DateOnly>(type: "date", nullable: true),
                    AlternationSkipsHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    GuardiansWithoutAuthoritySeeHomework = table.Column<bool>(type: "boolean", nullable: false),
                    GuardiansWithoutAuthoritySeeTimetable = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schoollife_calendar_feeds",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schoollife_calendar_feeds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schoollife_outbox",
                schema: "schoollife",
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
                    table.PrimaryKey("PK_schoollife_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timetable_slots",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: true),
                    Room = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Weeks = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timetable_slots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "homework_attachments",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Part = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FileKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_homework_attachments_homework_entries_EntryId",
                        column: x => x.EntryId,
                        principalSchema: "schoollife",
                        principalTable: "homework_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "homework_done",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_done", x => x.Id);
                    table.ForeignKey(
                        name: "FK_homework_done_homework_entries_EntryId",
                        column: x => x.EntryId,
                        principalSchema: "schoollife",
                        principalTable: "homework_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "timetable_changes",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsCancelled = table.Column<bool>(type: "boolean", nullable: false),
                    MovedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    NewStartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    NewEndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    NewRoom = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReplacementTeacherId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timetable_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_timetable_changes_timetable_slots_SlotId",
                        column: x => x.SlotId,
                        principalSchema: "schoollife",
                        principalTable: "timetable_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_homework_attachments_EntryId",
                schema: "schoollife",
                table: "homework_attachments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_attachments_TerritoryId",
                schema: "schoollife",
                table: "homework_attachments",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_done_EntryId_PupilId",
                schema: "schoollife",
                table: "homework_done",
                columns: new[] { "EntryId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_homework_done_PupilId",
                schema: "schoollife",
                table: "homework_done",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_done_TerritoryId",
                schema: "schoollife",
                table: "homework_done",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_AuthorId_SessionOn",
                schema: "schoollife",
                table: "homework_entries",
                columns: new[] { "AuthorId", "SessionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_ClassGroupId_DueOn",
                schema: "schoollife",
                table: "homework_entries",
                columns: new[] { "ClassGroupId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_ClassGroupId_PublishAt",
                schema: "schoollife",
                table: "homework_entries",
                columns: new[] { "ClassGroupId", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_ClassGroupId_SessionOn",
                schema: "schoollife",
                table: "homework_entries",
                columns: new[] { "ClassGroupId", "SessionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_TerritoryId",
                schema: "schoollife",
                table: "homework_entries",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_visits_AccountId_PupilId",
                schema: "schoollife",
                table: "homework_visits",
                columns: new[] { "AccountId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_homework_visits_PupilId",
                schema: "schoollife",
                table: "homework_visits",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_visits_TerritoryId",
                schema: "schoollife",
                table: "homework_visits",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_schedule_settings_SchoolId",
                schema: "schoollife",
                table: "schedule_settings",
                column: "SchoolId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schedule_settings_TerritoryId",
                schema: "schoollife",
                table: "schedule_settings",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_AccountId",
                schema: "schoollife",
                table: "schoollife_calendar_feeds",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_TerritoryId",
                schema: "schoollife",
                table: "schoollife_calendar_feeds",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_TokenHash",
                schema: "schoollife",
                table: "schoollife_calendar_feeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_outbox_LockedBy",
                schema: "schoollife",
                table: "schoollife_outbox",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_outbox_ProcessedAt_AvailableAt",
                schema: "schoollife",
                table: "schoollife_outbox",
                columns: new[] { "ProcessedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_ClassGroupId_LessonOn",
                schema: "schoollife",
                table: "timetable_changes",
                columns: new[] { "ClassGroupId", "LessonOn" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_ClassGroupId_MovedTo",
                schema: "schoollife",
                table: "timetable_changes",
                columns: new[] { "ClassGroupId", "MovedTo" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_ReplacementTeacherId_LessonOn",
                schema: "schoollife",
                table: "timetable_changes",
                columns: new[] { "ReplacementTeacherId", "LessonOn" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_SlotId_LessonOn",
                schema: "schoollife",
                table: "timetable_changes",
                columns: new[] { "SlotId", "LessonOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_TerritoryId",
                schema: "schoollife",
                table: "timetable_changes",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_ClassGroupId_Day",
                schema: "schoollife",
                table: "timetable_slots",
                columns: new[] { "ClassGroupId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_TeacherId_Day",
                schema: "schoollife",
                table: "timetable_slots",
                columns: new[] { "TeacherId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_TerritoryId",
                schema: "schoollife",
                table: "timetable_slots",
                column: "TerritoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "homework_attachments",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "homework_done",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "homework_visits",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "schedule_settings",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "schoollife_calendar_feeds",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "schoollife_outbox",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "timetable_changes",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "homework_entries",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "timetable_slots",
                schema: "schoollife");
        }
    }
}
