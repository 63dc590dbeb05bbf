using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.SchoolLife.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "homework_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SessionOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SessionStartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    LessonHtml = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    WorkHtml = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EstimatedMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "homework_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastVisitAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schedule_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekAReference = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AlternationSkipsHolidays = table.Column<bool>(type: "INTEGER", nullable: false),
                    GuardiansWithoutAuthoritySeeHomework = table.Column<bool>(type: "INTEGER", nullable: false),
                    GuardiansWithoutAuthoritySeeTimetable = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schoollife_calendar_feeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schoollife_calendar_feeds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schoollife_outbox",
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
                    table.PrimaryKey("PK_schoollife_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timetable_slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Weeks = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timetable_slots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "homework_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_homework_attachments_homework_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "homework_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "homework_done",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homework_done", x => x.Id);
                    table.ForeignKey(
                        name: "FK_homework_done_homework_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "homework_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "timetable_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MovedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewStartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    NewEndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    NewRoom = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReplacementTeacherId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timetable_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_timetable_changes_timetable_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "timetable_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_homework_attachments_EntryId",
                table: "homework_attachments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_attachments_TerritoryId",
                table: "homework_attachments",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_done_EntryId_PupilId",
                table: "homework_done",
                columns: new[] { "EntryId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_homework_done_PupilId",
                table: "homework_done",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_done_TerritoryId",
                table: "homework_done",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_AuthorId_SessionOn",
                table: "homework_entries",
                columns: new[] { "AuthorId", "SessionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_ClassGroupId_DueOn",
                table: "homework_entries",
                columns: new[] { "ClassGroupId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_ClassGroupId_PublishAt",
                table: "homework_entries",
                columns: new[] { "ClassGroupId", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_ClassGroupId_SessionOn",
                table: "homework_entries",
                columns: new[] { "ClassGroupId", "SessionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_entries_TerritoryId",
                table: "homework_entries",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_visits_AccountId_PupilId",
                table: "homework_visits",
                columns: new[] { "AccountId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_homework_visits_PupilId",
                table: "homework_visits",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_homework_visits_TerritoryId",
                table: "homework_visits",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_schedule_settings_SchoolId",
                table: "schedule_settings",
                column: "SchoolId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schedule_settings_TerritoryId",
                table: "schedule_settings",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_AccountId",
                table: "schoollife_calendar_feeds",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_TerritoryId",
                table: "schoollife_calendar_feeds",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_TokenHash",
                table: "schoollife_calendar_feeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_outbox_LockedBy",
                table: "schoollife_outbox",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_outbox_ProcessedAt_AvailableAt",
                table: "schoollife_outbox",
                columns: new[] { "ProcessedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_ClassGroupId_LessonOn",
                table: "timetable_changes",
                columns: new[] { "ClassGroupId", "LessonOn" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_ClassGroupId_MovedTo",
                table: "timetable_changes",
                columns: new[] { "ClassGroupId", "MovedTo" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_ReplacementTeacherId_LessonOn",
                table: "timetable_changes",
                columns: new[] { "ReplacementTeacherId", "LessonOn" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_SlotId_LessonOn",
                table: "timetable_changes",
                columns: new[] { "SlotId", "LessonOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_timetable_changes_TerritoryId",
                table: "timetable_changes",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_ClassGroupId_Day",
                table: "timetable_slots",
                columns: new[] { "ClassGroupId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_TeacherId_Day",
                table: "timetable_slots",
                columns: new[] { "TeacherId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_TerritoryId",
                table: "timetable_slots",
                column: "TerritoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "homework_attachments");

            migrationBuilder.DropTable(
                name: "homework_done");

            migrationBuilder.DropTable(
                name: "homework_visits");

            migrationBuilder.DropTable(
                name: "schedule_settings");

            migrationBuilder.DropTable(
                name: "schoollife_calendar_feeds");

            migrationBuilder.DropTable(
                name: "schoollife_outbox");

            migrationBuilder.DropTable(
                name: "timetable_changes");

            migrationBuilder.DropTable(
                name: "homework_entries");

            migrationBuilder.DropTable(
                name: "timetable_slots");
        }
    }
}
