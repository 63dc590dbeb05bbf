using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Preau.FamilyServices.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "familyservices");

            migrationBuilder.CreateTable(
                name: "child_day_changes",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    Before = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    After = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    LateChange = table.Column<bool>(type: "boolean", nullable: false),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClientMarkId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_day_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "child_days",
                schema: "familyservices",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Booking = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attendance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LateChange = table.Column<bool>(type: "boolean", nullable: false),
                    ArrivedAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    LeftAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    BookedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MarkedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_days", x => new { x.ChildId, x.ServiceId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "child_medical_info",
                schema: "familyservices",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Allergens = table.Column<int>(type: "integer", nullable: false),
                    OtherAllergies = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HasIndividualCarePlan = table.Column<bool>(type: "boolean", nullable: false),
                    IndividualCarePlanDetails = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DoctorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DoctorPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_medical_info", x => x.ChildId);
                });

            migrationBuilder.CreateTable(
                name: "family_services",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Days = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    DuringHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    BillingUnit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequiresReservation = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresApproval = table.Column<bool>(type: "boolean", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    PlacesTaken = table.Column<int>(type: "integer", nullable: false),
                    DailyCapacity = table.Column<int>(type: "integer", nullable: true),
                    DeadlineWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DeadlineTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    LateChanges = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RequiredDocuments = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegistrationOpen = table.Column<bool>(type: "boolean", nullable: false),
                    BookingSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "familyservices_outbox",
                schema: "familyservices",
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
                    table.PrimaryKey("PK_familyservices_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "household_changes",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "household_documents",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "household_pickups",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Relation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_pickups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "households",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_registrations",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StopId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_service_stops",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MorningTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EveningTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_service_stops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_service_stops_family_services_ServiceId",
                        column: x => x.ServiceId,
                        principalSchema: "familyservices",
                        principalTable: "family_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                schema: "familyservices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MobilePhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    OtherPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_members_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalSchema: "familyservices",
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_child_day_changes_ChildId_Day",
                schema: "familyservices",
                table: "child_day_changes",
                columns: new[] { "ChildId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_child_day_changes_ClientMarkId",
                schema: "familyservices",
                table: "child_day_changes",
                column: "ClientMarkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_child_day_changes_TerritoryId",
                schema: "familyservices",
                table: "child_day_changes",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_child_days_Day_ServiceId_State",
                schema: "familyservices",
                table: "child_days",
                columns: new[] { "Day", "ServiceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_child_days_HouseholdId_Day",
                schema: "familyservices",
                table: "child_days",
                columns: new[] { "HouseholdId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_child_days_TerritoryId",
                schema: "familyservices",
                table: "child_days",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_child_medical_info_TerritoryId",
                schema: "familyservices",
                table: "child_medical_info",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_family_service_stops_ServiceId_Position",
                schema: "familyservices",
                table: "family_service_stops",
                columns: new[] { "ServiceId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_family_service_stops_TerritoryId",
                schema: "familyservices",
                table: "family_service_stops",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_family_services_SchoolId_SchoolYearId",
                schema: "familyservices",
                table: "family_services",
                columns: new[] { "SchoolId", "SchoolYearId" });

            migrationBuilder.CreateIndex(
                name: "IX_family_services_TerritoryId",
                schema: "familyservices",
                table: "family_services",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_familyservices_outbox_LockedBy",
                schema: "familyservices",
                table: "familyservices_outbox",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_familyservices_outbox_ProcessedAt_AvailableAt",
                schema: "familyservices",
                table: "familyservices_outbox",
                columns: new[] { "ProcessedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_household_changes_HouseholdId_At",
                schema: "familyservices",
                table: "household_changes",
                columns: new[] { "HouseholdId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_household_changes_TerritoryId",
                schema: "familyservices",
                table: "household_changes",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_household_documents_HouseholdId",
                schema: "familyservices",
                table: "household_documents",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_household_documents_TerritoryId",
                schema: "familyservices",
                table: "household_documents",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_household_documents_TerritoryId_Status_UploadedAt",
                schema: "familyservices",
                table: "household_documents",
                columns: new[] { "TerritoryId", "Status", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_HouseholdId_PersonId",
                schema: "familyservices",
                table: "household_members",
                columns: new[] { "HouseholdId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_members_PersonId_Role",
                schema: "familyservices",
                table: "household_members",
                columns: new[] { "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_TerritoryId",
                schema: "familyservices",
                table: "household_members",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_household_pickups_ChildId",
                schema: "familyservices",
                table: "household_pickups",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_household_pickups_HouseholdId_ChildId",
                schema: "familyservices",
                table: "household_pickups",
                columns: new[] { "HouseholdId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_household_pickups_TerritoryId",
                schema: "familyservices",
                table: "household_pickups",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_households_TerritoryId",
                schema: "familyservices",
                table: "households",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_households_TerritoryId_Status_Name",
                schema: "familyservices",
                table: "households",
                columns: new[] { "TerritoryId", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_ChildId_Status",
                schema: "familyservices",
                table: "service_registrations",
                columns: new[] { "ChildId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_HouseholdId",
                schema: "familyservices",
                table: "service_registrations",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_ServiceId_ChildId",
                schema: "familyservices",
                table: "service_registrations",
                columns: new[] { "ServiceId", "ChildId" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Accepted', 'WaitingList')");

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_ServiceId_Status_QueuedAt",
                schema: "familyservices",
                table: "service_registrations",
                columns: new[] { "ServiceId", "Status", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_TerritoryId",
                schema: "familyservices",
                table: "service_registrations",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_TerritoryId_Status_SubmittedAt",
                schema: "familyservices",
                table: "service_registrations",
                columns: new[] { "TerritoryId", "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_day_changes",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "child_days",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "child_medical_info",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "family_service_stops",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "familyservices_outbox",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "household_changes",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "household_documents",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "household_members",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "household_pickups",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "service_registrations",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "family_services",
                schema: "familyservices");

            migrationBuilder.DropTable(
                name: "households",
                schema: "familyservices");
        }
    }
}
