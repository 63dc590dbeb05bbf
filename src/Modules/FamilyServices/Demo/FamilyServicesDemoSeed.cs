using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Synthetic;
using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Preau.Platform.Files;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Demo;

/// <summary>
/// The demo territory's family services: households for every family of Valmont's three schools, their
/// canteens and after-school services (at Jean-Jaurès also a theatre workshop with a waiting list, the
/// holiday centre and a school bus line), registrations, and this month and next booked (past days marked).
/// The Martin family (parent.martin) has its address, a grandmother allowed to pick the children up, and
/// Lucas (CM2) has a peanut allergy with a PAI; Lucas goes to the evening care but is not yet registered
/// to the canteen, which the browser journey does. animateur.jaures marks attendance at Jean-Jaurès and
/// Les Tilleuls; agent.education has registrations and documents to handle.
/// </summary>
internal sealed class FamilyServicesDemoSeed(
    FamilyServicesDbContext db,
    IStructureDirectory directory,
    FamilyActivity activity,
    IFileStore files,
    IAccountRelations relations,
    TenantContext tenant,
    TimeProvider clock) : IDemoSeed
{
    /// <summary>After the structures, before what builds on registrations (tariffs, invoices).</summary>
    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await directory.GetCurrentSchoolYearAsync(cancellationToken) is not { } year || await db.Services.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(2026);
        var today = tenant.Today(clock);
        var from = new DateOnly(today.Year, today.Month, 1);
        var to = from.AddMonths(2).AddDays(-1);
        var martin = await MartinAsync(cancellationToken);
        foreach (var school in await directory.ListSchoolsAsync(cancellationToken))
        {
            var families = await activity.CreateHouseholdsAsync(school, cancellationToken);
            var services = FamilyActivity.UsualServices(school, year);
            var canteen = services[0];
            if (school.Kind == SchoolKind.Elementaire)
            {
                // Jean-Jaurès's kitchen cooks on site: bookings until 9:30 the same day, late ones at the late tariff.
                (canteen.DeadlineWorkingDays, canteen.DeadlineTime, canteen.LateChanges) = (0, new TimeOnly(9, 30), LateChangePolicy.AcceptedWithLateTariff);
                services.AddRange(Extras(school, year));
            }

            canteen.RequiredDocuments = DocumentKind.ProofOfAddress;
            db.Services.AddRange(services);
            await db.SaveChangesAsync(cancellationToken);
            var except = martin is { } m ? new HashSet<(Guid, Guid)> { (m.Lucas, canteen.Id) } : null;
            await activity.RegisterAndBookAsync(families, services.Select(s => Uptake(s)).ToList(), from, to, random, except, cancellationToken);
        }

        if (martin is not null)
        {
            await DetailMartinAsync(martin, cancellationToken);
        }
    }

    private static FamilyActivity.Uptake Uptake(Service service) => service.Kind switch
    {
        ServiceKind.Canteen => new(service, 0.75, [WeekdaySet.SchoolWeek, WeekdaySet.SchoolWeek, Weekdays.Monday | Weekdays.Tuesday | Weekdays.Thursday]),
        ServiceKind.EveningCare => new(service, 0.3, [WeekdaySet.SchoolWeek, Weekdays.Monday | Weekdays.Thursday]),
        ServiceKind.MorningCare => new(service, 0.15, [WeekdaySet.SchoolWeek]),
        ServiceKind.Wednesday => new(service, 0.3, [Weekdays.Wednesday]),
        ServiceKind.Workshop => new(service, 0.1, [Weekdays.Tuesday]),
        ServiceKind.Transport => new(service, 0.08, [WeekdaySet.SchoolWeek]),
        _ => new(service, 0, [Weekdays.None]),
    };

    /// <summary>Jean-Jaurès also has a theatre workshop (12 places), the holiday centre and a bus line.</summary>
    private static IEnumerable<Service> Extras(SchoolInfo school, SchoolYearInfo year)
    {
        yield return new Service
        {
            SchoolId = school.Id,
            SchoolYearId = year.Id,
            Kind = ServiceKind.Workshop,
            Name = "Atelier théâtre du mardi",
            Description = "Improvisation et petites pièces, avec la compagnie du Préau bleu. Spectacle en juin.",
            StartsOn = year.StartsOn,
            EndsOn = year.EndsOn,
            Days = Weekdays.Tuesday,
            OpensAt = new TimeOnly(16, 45),
            ClosesAt = new TimeOnly(18, 0),
            BillingUnit = BillingUnit.FlatMonthly,
            RequiresReservation = false,
            RequiresApproval = true,
            Capacity = 12,
            RequiredDocuments = DocumentKind.Insurance,
        };
        yield return new Service
        {
            SchoolId = school.Id,
            SchoolYearId = year.Id,
            Kind = ServiceKind.Holidays,
            Name = "Centre de loisirs des vacances",
            StartsOn = year.StartsOn,
            EndsOn = year.EndsOn,
            Days = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday,
            DuringHolidays = true,
            OpensAt = new TimeOnly(8, 0),
            ClosesAt = new TimeOnly(18, 30),
            BillingUnit = BillingUnit.PerDay,
            DailyCapacity = 40,
            DeadlineWorkingDays = 5,
            DeadlineTime = new TimeOnly(12, 0),
            RequiredDocuments = DocumentKind.Insurance | DocumentKind.VaccinationRecord,
        };
        var bus = new Service
        {
            SchoolId = school.Id,
            SchoolYearId = year.Id,
            Kind = ServiceKind.Transport,
            Name = "Ligne A – Hameau des Prés",
            StartsOn = year.StartsOn,
            EndsOn = year.EndsOn,
            BillingUnit = BillingUnit.FlatMonthly,
            RequiresReservation = false,
        };
        bus.Stops.AddRange(
            new ServiceStop { ServiceId = bus.Id, Position = 1, Name = "Hameau des Prés", MorningTime = new TimeOnly(7, 50), EveningTime = new TimeOnly(16, 55) },
            new ServiceStop { ServiceId = bus.Id, Position = 2, Name = "Place de la Mairie", MorningTime = new TimeOnly(8, 5), EveningTime = new TimeOnly(16, 45) },
            new ServiceStop { ServiceId = bus.Id, Position = 3, Name = "École Jean-Jaurès", MorningTime = new TimeOnly(8, 15), EveningTime = new TimeOnly(16, 35) });
        yield return bus;
    }

    private sealed record Martin(Guid Nathalie, Guid Lucas, Guid Lea, Guid? Agent);

    /// <summary>The Martin family of the printed logins: Nathalie (parent.martin), Lucas in CM2 and Léa in 6e.</summary>
    private async Task<Martin?> MartinAsync(CancellationToken cancellationToken)
    {
        var parents = await directory.ListAccountsWithProfileAsync(Platform.Authorization.Profile.Guardian, cancellationToken);
        var nathalie = parents.FirstOrDefault(p => p.FirstName == "Nathalie" && p.LastName == "Martin");
        if (nathalie is null)
        {
            return null;
        }

        var children = await directory.GetPupilsAsync((await relations.ForAccountAsync(nathalie.Id, cancellationToken)).Children.Keys, cancellationToken);
        var lucas = children.FirstOrDefault(c => c.FirstName == "Lucas");
        var lea = children.FirstOrDefault(c => c.FirstName == "Léa");
        var agent = await directory.ListAccountsWithProfileAsync(Platform.Authorization.Profile.MunicipalAgent, cancellationToken) is [var first, ..] ? first.Id : (Guid?)null;
        return lucas is null || lea is null ? null : new Martin(nathalie.Id, lucas.Id, lea.Id, agent);
    }

    private async Task DetailMartinAsync(Martin martin, CancellationToken cancellationToken)
    {
        var member = await db.HouseholdMembers.FirstAsync(m => m.PersonId == martin.Nathalie && m.Role == MemberRole.Guardian, cancellationToken);
        var household = await db.Households.FirstAsync(h => h.Id == member.HouseholdId, cancellationToken);
        (household.Street, household.PostalCode, household.City) = ("8 rue des Lilas", "95450", "Valmont");
        member.MobilePhone = "06 12 34 56 78";
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var child in new[] { martin.Lucas, martin.Lea })
        {
            db.AuthorizedPickups.Add(new AuthorizedPickup { HouseholdId = household.Id, ChildId = child, Name = "Jeanne Martin", Phone = "06 98 76 54 32", Relation = "grand-mère", CreatedAt = now });
        }

        db.MedicalInfo.Add(new ChildMedicalInfo
        {
            ChildId = martin.Lucas,
            Allergens = Allergen.Peanuts | Allergen.Nuts,
            HasIndividualCarePlan = true,
            IndividualCarePlanDetails = "Trousse d’urgence (stylo d’adrénaline) dans le bureau de l’accueil. En cas de gonflement ou de gêne respiratoire : stylo, appel du 15, puis des parents.",
            DoctorName = "Dr Anne Lefort",
            DoctorPhone = "01 34 56 78 90",
            UpdatedAt = now,
            UpdatedBy = martin.Nathalie,
        });
        db.SupportingDocuments.Add(await DocumentAsync(household.Id, martin.Nathalie, DocumentKind.ProofOfAddress, "facture-electricite.pdf", martin.Agent, cancellationToken));
        db.SupportingDocuments.Add(await DocumentAsync(household.Id, martin.Nathalie, DocumentKind.CafAttestation, "attestation-caf.pdf", null, cancellationToken));
        db.HouseholdChanges.Add(new HouseholdChange { HouseholdId = household.Id, At = now, ActorId = martin.Nathalie, Kind = HouseholdChangeKind.PickupAdded, Detail = "Jeanne Martin (grand-mère)" });
        db.HouseholdChanges.Add(new HouseholdChange { HouseholdId = household.Id, At = now, ActorId = martin.Nathalie, Kind = HouseholdChangeKind.MedicalInfoChanged, Detail = "Lucas Martin" });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<SupportingDocument> DocumentAsync(Guid householdId, Guid uploader, DocumentKind kind, string name, Guid? validatedBy, CancellationToken cancellationToken)
    {
        // A one-page PDF saying what it stands for: enough for the agent to open it in the demo.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        using var content = new MemoryStream(pdf);
        var document = new SupportingDocument
        {
            HouseholdId = householdId,
            Kind = kind,
            FileKey = await files.SaveAsync(content, cancellationToken),
            ContentType = "application/pdf",
            FileName = name,
            Size = pdf.Length,
            UploadedAt = clock.GetUtcNow().UtcDateTime.AddDays(-3),
            UploadedBy = uploader,
        };
        if (validatedBy is { } agent)
        {
            document.Validate(agent, clock.GetUtcNow().UtcDateTime.AddDays(-2));
        }

        return document;
    }
}
