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
                name: "absence_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnnouncedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_absence_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Scale = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Coefficient = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "competencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_competencies", x => x.Id);
                });

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
                name: "liaison_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AudienceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AudienceLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    RequiresAcknowledgement = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswerKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsAuthorization = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttachmentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_liaison_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "period_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Appreciation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "roll_calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    TakenById = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roll_calls", x => x.Id);
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
                name: "schoollife_school_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AbsenceNoticeDelayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyAlertThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NonCustodialSeeNotes = table.Column<bool>(type: "INTEGER", nullable: false),
                    NonCustodialSeeAbsences = table.Column<bool>(type: "INTEGER", nullable: false),
                    NonCustodialSeeAssessments = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schoollife_school_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subject_appreciations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_appreciations", x => x.Id);
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
                name: "marks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_marks_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "competency_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompetencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_competency_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_competency_assessments_competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "liaison_note_recipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuardianId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HasParentalAuthority = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswerExpected = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActionExpected = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByEmailLink = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswerYes = table.Column<bool>(type: "INTEGER", nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_liaison_note_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_liaison_note_recipients_liaison_notes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "liaison_notes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "period_report_acknowledgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuardianId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_report_acknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_period_report_acknowledgements_period_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "period_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RollCallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    HalfDay = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LateMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    JustifiedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    JustifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_absences_roll_calls_RollCallId",
                        column: x => x.RollCallId,
                        principalTable: "roll_calls",
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
                name: "IX_absence_notices_PupilId_ToDate",
                table: "absence_notices",
                columns: new[] { "PupilId", "ToDate" });

            migrationBuilder.CreateIndex(
                name: "IX_absence_notices_SchoolId_FromDate",
                table: "absence_notices",
                columns: new[] { "SchoolId", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_absences_PupilId_Date",
                table: "absences",
                columns: new[] { "PupilId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_absences_RollCallId_PupilId",
                table: "absences",
                columns: new[] { "RollCallId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_absences_SchoolId_Date",
                table: "absences",
                columns: new[] { "SchoolId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_absences_SchoolId_State",
                table: "absences",
                columns: new[] { "SchoolId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_ClassGroupId_Date",
                table: "assessments",
                columns: new[] { "ClassGroupId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_ClassGroupId_PublishedAt",
                table: "assessments",
                columns: new[] { "ClassGroupId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_TeacherId_Date",
                table: "assessments",
                columns: new[] { "TeacherId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_competencies_Cycle_Order",
                table: "competencies",
                columns: new[] { "Cycle", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_competencies_TerritoryId_Code",
                table: "competencies",
                columns: new[] { "TerritoryId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_competency_assessments_ClassGroupId_AssessedOn",
                table: "competency_assessments",
                columns: new[] { "ClassGroupId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_competency_assessments_CompetencyId",
                table: "competency_assessments",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_competency_assessments_PupilId_CompetencyId_AssessedOn",
                table: "competency_assessments",
                columns: new[] { "PupilId", "CompetencyId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_attachments_EntryId",
                table: "homework_attachments",
                column: "EntryId");

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
                name: "IX_homework_visits_AccountId_PupilId",
                table: "homework_visits",
                columns: new[] { "AccountId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_homework_visits_PupilId",
                table: "homework_visits",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_liaison_note_recipients_GuardianId_ActionExpected_CompletedAt",
                table: "liaison_note_recipients",
                columns: new[] { "GuardianId", "ActionExpected", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_liaison_note_recipients_NoteId_GuardianId_PupilId",
                table: "liaison_note_recipients",
                columns: new[] { "NoteId", "GuardianId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_liaison_note_recipients_PupilId_NoteId",
                table: "liaison_note_recipients",
                columns: new[] { "PupilId", "NoteId" });

            migrationBuilder.CreateIndex(
                name: "IX_liaison_notes_AuthorId_SentAt",
                table: "liaison_notes",
                columns: new[] { "AuthorId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_liaison_notes_SchoolId_SentAt",
                table: "liaison_notes",
                columns: new[] { "SchoolId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_marks_AssessmentId_PupilId",
                table: "marks",
                columns: new[] { "AssessmentId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marks_PupilId",
                table: "marks",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_period_report_acknowledgements_GuardianId",
                table: "period_report_acknowledgements",
                column: "GuardianId");

            migrationBuilder.CreateIndex(
                name: "IX_period_report_acknowledgements_ReportId_GuardianId",
                table: "period_report_acknowledgements",
                columns: new[] { "ReportId", "GuardianId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_period_reports_ClassGroupId_Period",
                table: "period_reports",
                columns: new[] { "ClassGroupId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_period_reports_PupilId_ClassGroupId_Period",
                table: "period_reports",
                columns: new[] { "PupilId", "ClassGroupId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_roll_calls_ClassGroupId_Date_StartsAt",
                table: "roll_calls",
                columns: new[] { "ClassGroupId", "Date", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schedule_settings_SchoolId",
                table: "schedule_settings",
                column: "SchoolId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_AccountId",
                table: "schoollife_calendar_feeds",
                column: "AccountId",
                unique: true);

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
                name: "IX_schoollife_school_settings_SchoolId",
                table: "schoollife_school_settings",
                column: "SchoolId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_appreciations_ClassGroupId_Period",
                table: "subject_appreciations",
                columns: new[] { "ClassGroupId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_appreciations_PupilId_Period_ClassGroupId_Subject",
                table: "subject_appreciations",
                columns: new[] { "PupilId", "Period", "ClassGroupId", "Subject" },
                unique: true);

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
                name: "IX_timetable_slots_ClassGroupId_Day",
                table: "timetable_slots",
                columns: new[] { "ClassGroupId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_TeacherId_Day",
                table: "timetable_slots",
                columns: new[] { "TeacherId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "absence_notices");

            migrationBuilder.DropTable(
                name: "absences");

            migrationBuilder.DropTable(
                name: "competency_assessments");

            migrationBuilder.DropTable(
                name: "homework_attachments");

            migrationBuilder.DropTable(
                name: "homework_done");

            migrationBuilder.DropTable(
                name: "homework_visits");

            migrationBuilder.DropTable(
                name: "liaison_note_recipients");

            migrationBuilder.DropTable(
                name: "marks");

            migrationBuilder.DropTable(
                name: "period_report_acknowledgements");

            migrationBuilder.DropTable(
                name: "schedule_settings");

            migrationBuilder.DropTable(
                name: "schoollife_calendar_feeds");

            migrationBuilder.DropTable(
                name: "schoollife_outbox");

            migrationBuilder.DropTable(
                name: "schoollife_school_settings");

            migrationBuilder.DropTable(
                name: "subject_appreciations");

            migrationBuilder.DropTable(
                name: "timetable_changes");

            migrationBuilder.DropTable(
                name: "roll_calls");

            migrationBuilder.DropTable(
                name: "competencies");

            migrationBuilder.DropTable(
                name: "homework_entries");

            migrationBuilder.DropTable(
                name: "liaison_notes");

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "period_reports");

            migrationBuilder.DropTable(
                name: "timetable_slots");
        }
    }
}
