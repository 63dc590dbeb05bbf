using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.FamilyServices.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "child_day_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    LateChange = table.Column<bool>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClientMarkId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_day_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "child_days",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Booking = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LateChange = table.Column<bool>(type: "INTEGER", nullable: false),
                    ArrivedAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    LeftAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MarkedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_days", x => new { x.ChildId, x.ServiceId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "child_medical_info",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Allergens = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherAllergies = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HasIndividualCarePlan = table.Column<bool>(type: "INTEGER", nullable: false),
                    IndividualCarePlanDetails = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DoctorPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_medical_info", x => x.ChildId);
                });

            migrationBuilder.CreateTable(
                name: "family_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DuringHolidays = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BillingUnit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequiresReservation = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiresApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacesTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyCapacity = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    LateChanges = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RequiredDocuments = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegistrationOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    BookingSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "familyservices_outbox",
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
                    table.PrimaryKey("PK_familyservices_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "household_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "household_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "household_pickups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_pickups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StopId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_service_stops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MorningTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EveningTime = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_service_stops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_service_stops_family_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "family_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MobilePhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    OtherPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_members_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_child_day_changes_ChildId_Day",
                table: "child_day_changes",
                columns: new[] { "ChildId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_child_day_changes_ClientMarkId",
                table: "child_day_changes",
                column: "ClientMarkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_child_day_changes_TerritoryId",
                table: "child_day_changes",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_child_days_Day_ServiceId_State",
                table: "child_days",
                columns: new[] { "Day", "ServiceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_child_days_HouseholdId_Day",
                table: "child_days",
                columns: new[] { "HouseholdId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_child_days_TerritoryId",
                table: "child_days",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_child_medical_info_TerritoryId",
                table: "child_medical_info",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_family_service_stops_ServiceId_Position",
                table: "family_service_stops",
                columns: new[] { "ServiceId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_family_service_stops_TerritoryId",
                table: "family_service_stops",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_family_services_SchoolId_SchoolYearId",
                table: "family_services",
                columns: new[] { "SchoolId", "SchoolYearId" });

            migrationBuilder.CreateIndex(
                name: "IX_family_services_TerritoryId",
                table: "family_services",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_familyservices_outbox_LockedBy",
                table: "familyservices_outbox",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_familyservices_outbox_ProcessedAt_AvailableAt",
                table: "familyservices_outbox",
                columns: new[] { "ProcessedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_household_changes_HouseholdId_At",
                table: "household_changes",
                columns: new[] { "HouseholdId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_household_changes_TerritoryId",
                table: "household_changes",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_household_documents_HouseholdId",
                table: "household_documents",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_household_documents_TerritoryId",
                table: "household_documents",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_household_documents_TerritoryId_Status_UploadedAt",
                table: "household_documents",
                columns: new[] { "TerritoryId", "Status", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_HouseholdId_PersonId",
                table: "household_members",
                columns: new[] { "HouseholdId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_members_PersonId_Role",
                table: "household_members",
                columns: new[] { "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_TerritoryId",
                table: "household_members",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_household_pickups_ChildId",
                table: "household_pickups",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_household_pickups_HouseholdId_ChildId",
                table: "household_pickups",
                columns: new[] { "HouseholdId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_household_pickups_TerritoryId",
                table: "household_pickups",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_households_TerritoryId",
                table: "households",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_households_TerritoryId_Status_Name",
                table: "households",
                columns: new[] { "TerritoryId", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_ChildId_Status",
                table: "service_registrations",
                columns: new[] { "ChildId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_HouseholdId",
                table: "service_registrations",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_ServiceId_ChildId",
                table: "service_registrations",
                columns: new[] { "ServiceId", "ChildId" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Accepted', 'WaitingList')");

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_ServiceId_Status_QueuedAt",
                table: "service_registrations",
                columns: new[] { "ServiceId", "Status", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_TerritoryId",
                table: "service_registrations",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_service_registrations_TerritoryId_Status_SubmittedAt",
                table: "service_registrations",
                columns: new[] { "TerritoryId", "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_day_changes");

            migrationBuilder.DropTable(
                name: "child_days");

            migrationBuilder.DropTable(
                name: "child_medical_info");

            migrationBuilder.DropTable(
                name: "family_service_stops");

            migrationBuilder.DropTable(
                name: "familyservices_outbox");

            migrationBuilder.DropTable(
                name: "household_changes");

            migrationBuilder.DropTable(
                name: "household_documents");

            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "household_pickups");

            migrationBuilder.DropTable(
                name: "service_registrations");

            migrationBuilder.DropTable(
                name: "family_services");

            migrationBuilder.DropTable(
                name: "households");
        }
    }
}
