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
                name: "catchment_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Levels = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Parity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FromNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    ToNumber = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catchment_rules", x => x.Id);
                });

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
                name: "derogation_reasons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_derogation_reasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrolment_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GuardianId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChildLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SchoolYearStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HouseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DerogationReasonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DerogationReasonLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DerogationDetails = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAs = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AdmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AdmittedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolment_requests", x => x.Id);
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
                name: "familyservices_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_familyservices_audit", x => x.Id);
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
                name: "invoice_number_counters",
                columns: table => new
                {
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_number_counters", x => new { x.TerritoryId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "invoice_online_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_online_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    InvoiceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LineCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Warnings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HouseholdAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CorrectsInvoiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "menu_weeks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kitchen = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_menu_weeks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quotient_familial_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CafNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AttestationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AttestationFileKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AttestationContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MonthlyIncome = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Parts = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    Couple = table.Column<bool>(type: "INTEGER", nullable: true),
                    Children = table.Column<int>(type: "INTEGER", nullable: true),
                    DisabledChildren = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quotient_familial_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quotient_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleParts = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    SingleParentParts = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    FirstChildrenParts = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    FurtherChildParts = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    DisabledChildExtraParts = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quotient_rules", x => x.Id);
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
                name: "tariff_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NoQuotientPricing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NoQuotientPrice = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    SecondChildReductionPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    FurtherChildReductionPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    LateMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LateValue = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    NoReservationMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NoReservationValue = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    CopiedFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariff_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enrolment_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolment_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrolment_documents_enrolment_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "enrolment_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    TariffVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoReservation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    CorrectsLineId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoice_lines_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "menu_dishes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenuWeekId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Course = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Allergens = table.Column<int>(type: "INTEGER", nullable: false),
                    Labels = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_menu_dishes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_menu_dishes_menu_weeks_MenuWeekId",
                        column: x => x.MenuWeekId,
                        principalTable: "menu_weeks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "menu_week_schools",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenuWeekId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_menu_week_schools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_menu_week_schools_menu_weeks_MenuWeekId",
                        column: x => x.MenuWeekId,
                        principalTable: "menu_weeks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tariff_brackets",
                columns: table => new
                {
                    BracketId = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    LowerBound = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    UpperBound = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    TariffVersionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariff_brackets", x => x.BracketId);
                    table.ForeignKey(
                        name: "FK_tariff_brackets_tariff_versions_TariffVersionId",
                        column: x => x.TariffVersionId,
                        principalTable: "tariff_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catchment_rules_NormalizedName_Kind",
                table: "catchment_rules",
                columns: new[] { "NormalizedName", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_catchment_rules_SchoolId",
                table: "catchment_rules",
                column: "SchoolId");

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
                name: "IX_child_days_ChildId_Day",
                table: "child_days",
                columns: new[] { "ChildId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_child_days_Day_ServiceId_State",
                table: "child_days",
                columns: new[] { "Day", "ServiceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_child_days_HouseholdId_Day",
                table: "child_days",
                columns: new[] { "HouseholdId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_documents_RequestId",
                table: "enrolment_documents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_DecidedSchoolId_Status",
                table: "enrolment_requests",
                columns: new[] { "DecidedSchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_GuardianId_SubmittedAt",
                table: "enrolment_requests",
                columns: new[] { "GuardianId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_Reference",
                table: "enrolment_requests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_Status_SubmittedAt",
                table: "enrolment_requests",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_family_service_stops_ServiceId_Position",
                table: "family_service_stops",
                columns: new[] { "ServiceId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_family_services_SchoolId_SchoolYearId",
                table: "family_services",
                columns: new[] { "SchoolId", "SchoolYearId" });

            migrationBuilder.CreateIndex(
                name: "IX_familyservices_audit_SubjectId_At",
                table: "familyservices_audit",
                columns: new[] { "SubjectId", "At" });

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
                name: "IX_household_documents_HouseholdId",
                table: "household_documents",
                column: "HouseholdId");

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
                name: "IX_household_pickups_ChildId",
                table: "household_pickups",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_household_pickups_HouseholdId_ChildId",
                table: "household_pickups",
                columns: new[] { "HouseholdId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_households_TerritoryId_Status_Name",
                table: "households",
                columns: new[] { "TerritoryId", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_lines_CorrectsLineId",
                table: "invoice_lines",
                column: "CorrectsLineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoice_lines_InvoiceId_Position",
                table: "invoice_lines",
                columns: new[] { "InvoiceId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_online_payments_InvoiceId",
                table: "invoice_online_payments",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_online_payments_TransactionId",
                table: "invoice_online_payments",
                column: "TransactionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoice_payments_HouseholdId_ReceivedOn",
                table: "invoice_payments",
                columns: new[] { "HouseholdId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_payments_InvoiceId",
                table: "invoice_payments",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_payments_TerritoryId_ReceivedOn",
                table: "invoice_payments",
                columns: new[] { "TerritoryId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_runs_TerritoryId_Month",
                table: "invoice_runs",
                columns: new[] { "TerritoryId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_CorrectsInvoiceId",
                table: "invoices",
                column: "CorrectsInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_HouseholdId_Month",
                table: "invoices",
                columns: new[] { "HouseholdId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_RunId_HouseholdName",
                table: "invoices",
                columns: new[] { "RunId", "HouseholdName" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_TerritoryId_Number",
                table: "invoices",
                columns: new[] { "TerritoryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_menu_dishes_MenuWeekId_Day",
                table: "menu_dishes",
                columns: new[] { "MenuWeekId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_menu_week_schools_MenuWeekId_SchoolId",
                table: "menu_week_schools",
                columns: new[] { "MenuWeekId", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_menu_week_schools_SchoolId_WeekStart",
                table: "menu_week_schools",
                columns: new[] { "SchoolId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_menu_weeks_WeekStart",
                table: "menu_weeks",
                column: "WeekStart");

            migrationBuilder.CreateIndex(
                name: "IX_quotient_familial_records_HouseholdId_ValidFrom",
                table: "quotient_familial_records",
                columns: new[] { "HouseholdId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_quotient_familial_records_Status_SubmittedAt",
                table: "quotient_familial_records",
                columns: new[] { "Status", "SubmittedAt" });

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
                name: "IX_service_registrations_TerritoryId_Status_SubmittedAt",
                table: "service_registrations",
                columns: new[] { "TerritoryId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tariff_brackets_TariffVersionId",
                table: "tariff_brackets",
                column: "TariffVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_tariff_versions_Kind_ServiceId_StartsOn",
                table: "tariff_versions",
                columns: new[] { "Kind", "ServiceId", "StartsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catchment_rules");

            migrationBuilder.DropTable(
                name: "child_day_changes");

            migrationBuilder.DropTable(
                name: "child_days");

            migrationBuilder.DropTable(
                name: "child_medical_info");

            migrationBuilder.DropTable(
                name: "derogation_reasons");

            migrationBuilder.DropTable(
                name: "enrolment_documents");

            migrationBuilder.DropTable(
                name: "family_service_stops");

            migrationBuilder.DropTable(
                name: "familyservices_audit");

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
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "invoice_number_counters");

            migrationBuilder.DropTable(
                name: "invoice_online_payments");

            migrationBuilder.DropTable(
                name: "invoice_payments");

            migrationBuilder.DropTable(
                name: "invoice_runs");

            migrationBuilder.DropTable(
                name: "menu_dishes");

            migrationBuilder.DropTable(
                name: "menu_week_schools");

            migrationBuilder.DropTable(
                name: "quotient_familial_records");

            migrationBuilder.DropTable(
                name: "quotient_rules");

            migrationBuilder.DropTable(
                name: "service_registrations");

            migrationBuilder.DropTable(
                name: "tariff_brackets");

            migrationBuilder.DropTable(
                name: "enrolment_requests");

            migrationBuilder.DropTable(
                name: "family_services");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "menu_weeks");

            migrationBuilder.DropTable(
                name: "tariff_versions");
        }
    }
}
