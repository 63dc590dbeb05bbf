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
                name: "absence_notices",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnnouncedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_absence_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Scale = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Coefficient = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "competencies",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Domain = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_competencies", x => x.Id);
                });

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
                name: "liaison_notes",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AudienceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AudienceLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    RequiresAcknowledgement = table.Column<bool>(type: "boolean", nullable: false),
                    AnswerKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IsAuthorization = table.Column<bool>(type: "boolean", nullable: false),
                    AttachmentKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AttachmentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastRemindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_liaison_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "period_reports",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Appreciation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "roll_calls",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TakenById = table.Column<Guid>(type: "uuid", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roll_calls", x => x.Id);
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
                name: "schoollife_school_settings",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    AbsenceNoticeDelayMinutes = table.Column<int>(type: "integer", nullable: false),
                    MonthlyAlertThreshold = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NonCustodialSeeNotes = table.Column<bool>(type: "boolean", nullable: false),
                    NonCustodialSeeAbsences = table.Column<bool>(type: "boolean", nullable: false),
                    NonCustodialSeeAssessments = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schoollife_school_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subject_appreciations",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_appreciations", x => x.Id);
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
                name: "marks",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_marks_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalSchema: "schoollife",
                        principalTable: "assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "competency_assessments",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_competency_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_competency_assessments_competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalSchema: "schoollife",
                        principalTable: "competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "liaison_note_recipients",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuardianId = table.Column<Guid>(type: "uuid", nullable: false),
                    HasParentalAuthority = table.Column<bool>(type: "boolean", nullable: false),
                    AnswerExpected = table.Column<bool>(type: "boolean", nullable: false),
                    ActionExpected = table.Column<bool>(type: "boolean", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByEmailLink = table.Column<bool>(type: "boolean", nullable: false),
                    AnswerYes = table.Column<bool>(type: "boolean", nullable: true),
                    AnswerText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_liaison_note_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_liaison_note_recipients_liaison_notes_NoteId",
                        column: x => x.NoteId,
                        principalSchema: "schoollife",
                        principalTable: "liaison_notes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "period_report_acknowledgements",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuardianId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_report_acknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_period_report_acknowledgements_period_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "schoollife",
                        principalTable: "period_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "absences",
                schema: "schoollife",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    RollCallId = table.Column<Guid>(type: "uuid", nullable: true),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    HalfDay = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    LateMinutes = table.Column<int>(type: "integer", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DocumentKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DocumentContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    JustifiedById = table.Column<Guid>(type: "uuid", nullable: true),
                    JustifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_absences_roll_calls_RollCallId",
                        column: x => x.RollCallId,
                        principalSchema: "schoollife",
                        principalTable: "roll_calls",
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
                name: "IX_absence_notices_PupilId_ToDate",
                schema: "schoollife",
                table: "absence_notices",
                columns: new[] { "PupilId", "ToDate" });

            migrationBuilder.CreateIndex(
                name: "IX_absence_notices_SchoolId_FromDate",
                schema: "schoollife",
                table: "absence_notices",
                columns: new[] { "SchoolId", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_absences_PupilId_Date",
                schema: "schoollife",
                table: "absences",
                columns: new[] { "PupilId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_absences_RollCallId_PupilId",
                schema: "schoollife",
                table: "absences",
                columns: new[] { "RollCallId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_absences_SchoolId_Date",
                schema: "schoollife",
                table: "absences",
                columns: new[] { "SchoolId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_absences_SchoolId_State",
                schema: "schoollife",
                table: "absences",
                columns: new[] { "SchoolId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_ClassGroupId_Date",
                schema: "schoollife",
                table: "assessments",
                columns: new[] { "ClassGroupId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_ClassGroupId_PublishedAt",
                schema: "schoollife",
                table: "assessments",
                columns: new[] { "ClassGroupId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_TeacherId_Date",
                schema: "schoollife",
                table: "assessments",
                columns: new[] { "TeacherId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_competencies_Cycle_Order",
                schema: "schoollife",
                table: "competencies",
                columns: new[] { "Cycle", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_competencies_TerritoryId_Code",
                schema: "schoollife",
                table: "competencies",
                columns: new[] { "TerritoryId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_competency_assessments_ClassGroupId_AssessedOn",
                schema: "schoollife",
                table: "competency_assessments",
                columns: new[] { "ClassGroupId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_competency_assessments_CompetencyId",
                schema: "schoollife",
                table: "competency_assessments",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_competency_assessments_PupilId_CompetencyId_AssessedOn",
                schema: "schoollife",
                table: "competency_assessments",
                columns: new[] { "PupilId", "CompetencyId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_homework_attachments_EntryId",
                schema: "schoollife",
                table: "homework_attachments",
                column: "EntryId");

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
                name: "IX_liaison_note_recipients_GuardianId_ActionExpected_Completed~",
                schema: "schoollife",
                table: "liaison_note_recipients",
                columns: new[] { "GuardianId", "ActionExpected", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_liaison_note_recipients_NoteId_GuardianId_PupilId",
                schema: "schoollife",
                table: "liaison_note_recipients",
                columns: new[] { "NoteId", "GuardianId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_liaison_note_recipients_PupilId_NoteId",
                schema: "schoollife",
                table: "liaison_note_recipients",
                columns: new[] { "PupilId", "NoteId" });

            migrationBuilder.CreateIndex(
                name: "IX_liaison_notes_AuthorId_SentAt",
                schema: "schoollife",
                table: "liaison_notes",
                columns: new[] { "AuthorId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_liaison_notes_SchoolId_SentAt",
                schema: "schoollife",
                table: "liaison_notes",
                columns: new[] { "SchoolId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_marks_AssessmentId_PupilId",
                schema: "schoollife",
                table: "marks",
                columns: new[] { "AssessmentId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marks_PupilId",
                schema: "schoollife",
                table: "marks",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_period_report_acknowledgements_GuardianId",
                schema: "schoollife",
                table: "period_report_acknowledgements",
                column: "GuardianId");

            migrationBuilder.CreateIndex(
                name: "IX_period_report_acknowledgements_ReportId_GuardianId",
                schema: "schoollife",
                table: "period_report_acknowledgements",
                columns: new[] { "ReportId", "GuardianId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_period_reports_ClassGroupId_Period",
                schema: "schoollife",
                table: "period_reports",
                columns: new[] { "ClassGroupId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_period_reports_PupilId_ClassGroupId_Period",
                schema: "schoollife",
                table: "period_reports",
                columns: new[] { "PupilId", "ClassGroupId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_roll_calls_ClassGroupId_Date_StartsAt",
                schema: "schoollife",
                table: "roll_calls",
                columns: new[] { "ClassGroupId", "Date", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schedule_settings_SchoolId",
                schema: "schoollife",
                table: "schedule_settings",
                column: "SchoolId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schoollife_calendar_feeds_AccountId",
                schema: "schoollife",
                table: "schoollife_calendar_feeds",
                column: "AccountId",
                unique: true);

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
                name: "IX_schoollife_school_settings_SchoolId",
                schema: "schoollife",
                table: "schoollife_school_settings",
                column: "SchoolId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_appreciations_ClassGroupId_Period",
                schema: "schoollife",
                table: "subject_appreciations",
                columns: new[] { "ClassGroupId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_appreciations_PupilId_Period_ClassGroupId_Subject",
                schema: "schoollife",
                table: "subject_appreciations",
                columns: new[] { "PupilId", "Period", "ClassGroupId", "Subject" },
                unique: true);

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
                name: "IX_timetable_slots_ClassGroupId_Day",
                schema: "schoollife",
                table: "timetable_slots",
                columns: new[] { "ClassGroupId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_timetable_slots_TeacherId_Day",
                schema: "schoollife",
                table: "timetable_slots",
                columns: new[] { "TeacherId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "absence_notices",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "absences",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "competency_assessments",
                schema: "schoollife");

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
                name: "liaison_note_recipients",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "marks",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "period_report_acknowledgements",
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
                name: "schoollife_school_settings",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "subject_appreciations",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "timetable_changes",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "roll_calls",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "competencies",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "homework_entries",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "liaison_notes",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "assessments",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "period_reports",
                schema: "schoollife");

            migrationBuilder.DropTable(
                name: "timetable_slots",
                schema: "schoollife");
        }
    }
}
