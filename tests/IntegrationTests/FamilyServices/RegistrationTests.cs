using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>Issue 5, item 2: services per school and year, registrations, capacity and the waiting list.</summary>
public sealed class RegistrationTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task DefineService_Agent_CreatesTheCanteenOfASchool_WithItsRules()
    {
        var territory = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(territory.Agent);

        var response = await PreauApp.SubmitFormAsync(agent, "/gestion/prestations/fiche", new()
        {
            ["Input.SchoolId"] = territory.SchoolA.ToString(),
            ["Input.Kind"] = "Workshop",
            ["Input.Name"] = "Atelier échecs",
            ["Input.StartsOn"] = "2026-11-02",
            ["Input.EndsOn"] = "2027-02-19",
            ["Input.Days"] = "Tuesday",
            ["Input.BillingUnit"] = "PerSession",
            ["Input.Capacity"] = "12",
            ["Input.DeadlineWorkingDays"] = "2",
            ["Input.DeadlineTime"] = "10:00",
            ["Input.RequiredDocuments"] = "Insurance",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var service = await app.InFamilyDbAsync(territory, db => db.Services.SingleAsync());
        Assert.Equal((ServiceKind.Workshop, 12, Weekdays.Tuesday, DocumentKind.Insurance), (service.Kind, service.Capacity!.Value, service.Days, service.RequiredDocuments));
    }

    [Fact]
    public async Task DefineService_BadInput_IsRefusedWithFrenchMessagesAndKept()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(territory.Agent);

        var response = await PreauApp.SubmitFormAsync(agent, "/gestion/prestations/fiche", new()
        {
            ["Input.SchoolId"] = other.SchoolA.ToString(),
            ["Input.Kind"] = "Canteen",
            ["Input.Name"] = "Cantine <b>bio</b>",
            ["Input.StartsOn"] = "2026-11-02",
            ["Input.EndsOn"] = "2028-02-19",
            ["Input.Days"] = "Monday",
            ["Input.BillingUnit"] = "PerHour",
            ["Input.Capacity"] = "-3",
            ["Input.DeadlineWorkingDays"] = "99",
            ["Input.DeadlineTime"] = "10:00",
            ["Input.Stops"] = "Mairie ; 25:99",
        });

        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        var errors = page.QuerySelector(".error-summary")!.TextContent;
        foreach (var expected in new[]
        {
            "Choisissez une école de la liste.", "Les caractères < et > ne sont pas acceptés.", "Le dernier jour doit suivre le premier",
            "Un service facturé à l’heure a des horaires", "Indiquez un nombre entre 1 et 10000.", "Indiquez un nombre entre 0 et 20.", "Ligne 1 :",
        })
        {
            Assert.Contains(expected, errors, StringComparison.Ordinal);
        }

        Assert.Equal("Cantine <b>bio</b>", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(0, await app.InFamilyDbAsync(territory, db => db.Services.CountAsync()));
    }

    [Fact]
    public async Task Register_ServiceWithoutApproval_IsAcceptedAtOnceAndTheFamilyIsNotified()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var canteen = await app.CreateServiceAsync(territory, territory.SchoolA);
        var client = await app.SignInAsync(territory.GuardianA);

        var url = $"/famille/inscriptions/nouvelle?enfant={territory.PupilA.Id}";
        var form = (await PreauApp.GetPageAsync(client, url)).Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.ServiceId"));
        var response = await PreauApp.PostFormAsync(client, url, form, new() { ["Input.ServiceId"] = canteen.Id.ToString() });

        Assert.Equal("/famille/inscriptions", response.Headers.Location?.OriginalString);
        var registration = await app.InFamilyDbAsync(territory, db => db.Registrations.SingleAsync());
        Assert.Equal((RegistrationStatus.Accepted, FamilyArrangements.Today, canteen.EndsOn), (registration.Status, registration.StartsOn, registration.EndsOn));
        await app.RunOutboxAsync();
        var titles = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications.Where(n => n.RecipientId == territory.GuardianA.Id).Select(n => n.Title).ToListAsync());
        Assert.Equal(["Inscription acceptée : Paul – Restauration scolaire"], titles);
        // The same form sent twice (a double click): the second is refused.
        var again = await PreauApp.PostFormAsync(client, url, form, new() { ["Input.ServiceId"] = canteen.Id.ToString() });
        Assert.Contains("Une inscription de Paul à ce service existe déjà.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_RequiredDocumentMissing_IsRefused_ThenWithTheFile_IsPendingForTheAgent()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var workshop = await app.CreateServiceAsync(territory, territory.SchoolA, s => (s.Kind, s.Name, s.RequiresApproval, s.RequiresReservation, s.RequiredDocuments) = (ServiceKind.Workshop, "Atelier théâtre", true, false, DocumentKind.Insurance));
        var client = await app.SignInAsync(territory.GuardianA);
        var url = $"/famille/inscriptions/nouvelle?enfant={territory.PupilA.Id}";

        var missing = await PreauApp.SubmitFormAsync(client, url, new() { ["Input.ServiceId"] = workshop.Id.ToString() });
        Assert.Contains("Joignez ce document : Attestation d’assurance extrascolaire.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await PreauApp.GetPageAsync(client, url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent(territory.PupilA.Id.ToString()), "Input.ChildId" },
            { new StringContent(workshop.Id.ToString()), "Input.ServiceId" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "Input.Documents[Insurance]", "assurance.pdf" },
        };
        var response = await client.PostAsync("/famille/inscriptions/nouvelle", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (registration, document) = await app.InFamilyDbAsync(territory, async db => (await db.Registrations.SingleAsync(), await db.SupportingDocuments.SingleAsync()));
        Assert.Equal(RegistrationStatus.Pending, registration.Status);
        Assert.Equal(DocumentKind.Insurance, document.Kind);
        var agent = await app.SignInAsync(territory.Agent);
        var queue = await PreauApp.GetPageAsync(agent, "/gestion/inscriptions");
        Assert.Contains("Paul Élève", queue.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ForgedServiceOrChild_IsRefusedAndNothingIsSaved()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var otherSchool = await app.CreateServiceAsync(territory, territory.SchoolB);
        var otherTerritory = await app.CreateServiceAsync(other, other.SchoolA);
        var canteen = await app.CreateServiceAsync(territory, territory.SchoolA);
        var client = await app.SignInAsync(territory.GuardianA);
        var url = $"/famille/inscriptions/nouvelle?enfant={territory.PupilA.Id}";

        foreach (var forged in new[] { otherSchool.Id, otherTerritory.Id, Guid.NewGuid() })
        {
            var response = await PreauApp.SubmitFormAsync(client, url, new() { ["Input.ServiceId"] = forged.ToString() });
            Assert.Contains("Choisissez un service de l’école de l’enfant.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var someoneElse = await PreauApp.SubmitFormAsync(client, url, new() { ["Input.ChildId"] = territory.PupilB.Id.ToString(), ["Input.ServiceId"] = canteen.Id.ToString() });
        Assert.Contains("Choisissez un de vos enfants.", await someoneElse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var past = await PreauApp.SubmitFormAsync(client, url, new() { ["Input.ServiceId"] = canteen.Id.ToString(), ["Input.StartsOn"] = "2026-10-01" });
        Assert.Contains("L’inscription commence au plus tôt le", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.InFamilyDbAsync(territory, db => db.Registrations.CountAsync()));
        Assert.Equal(0, await app.InFamilyDbAsync(other, db => db.Registrations.CountAsync()));
    }

    [Fact]
    public async Task Register_TenFamiliesAtOnceForThreePlaces_NeverExceedsTheCapacity()
    {
        var territory = await app.CreateTerritoryAsync();
        var families = await app.CreateFamiliesAsync(territory, 10);
        var workshop = await app.CreateServiceAsync(territory, territory.SchoolA, s => (s.Kind, s.Name, s.Capacity, s.RequiresReservation) = (ServiceKind.Workshop, "Atelier échecs", 3, false));
        var clients = new List<(HttpClient Client, IHtmlFormElement Form, string Url)>();
        foreach (var family in families)
        {
            var client = await app.SignInAsync(family.Guardian);
            var url = $"/famille/inscriptions/nouvelle?enfant={family.ChildId}";
            clients.Add((client, (await PreauApp.GetPageAsync(client, url)).Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.ServiceId")), url));
        }

        // Every family submits at the same instant: ten concurrent requests on the same counter row.
        var responses = await Task.WhenAll(clients.Select(c => PreauApp.PostFormAsync(c.Client, c.Url, c.Form, new() { ["Input.ServiceId"] = workshop.Id.ToString() })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (statuses, taken) = await app.InFamilyDbAsync(territory, async db =>
            (await db.Registrations.Where(r => r.ServiceId == workshop.Id).Select(r => r.Status).ToListAsync(), await db.Services.Where(s => s.Id == workshop.Id).Select(s => s.PlacesTaken).SingleAsync()));
        Assert.Equal(3, statuses.Count(s => s == RegistrationStatus.Accepted));
        Assert.Equal(7, statuses.Count(s => s == RegistrationStatus.WaitingList));
        Assert.Equal(3, taken);
    }

    [Fact]
    public async Task Cancellation_OfAPlace_MovesTheFirstOfTheWaitingListUpAndTellsThem()
    {
        var territory = await app.CreateTerritoryAsync();
        var families = await app.CreateFamiliesAsync(territory, 3);
        var workshop = await app.CreateServiceAsync(territory, territory.SchoolA, s => (s.Kind, s.Name, s.Capacity, s.RequiresReservation) = (ServiceKind.Workshop, "Atelier échecs", 1, false));
        var holder = await app.RegisterAsync(territory, families[0].ChildId, workshop.Id, families[0].HouseholdId);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RegisterAsync(territory, families[1].ChildId, workshop.Id, families[1].HouseholdId, accepted: false);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RegisterAsync(territory, families[2].ChildId, workshop.Id, families[2].HouseholdId, accepted: false);

        var first = await app.SignInAsync(families[0].Guardian);
        var cancelled = await PreauApp.SubmitFormAsync(first, "/famille/inscriptions", new() { ["registrationId"] = holder.ToString() }, handler: "Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var statuses = await app.InFamilyDbAsync(territory, db => db.Registrations.ToDictionaryAsync(r => r.ChildId, r => r.Status));
        Assert.Equal(RegistrationStatus.Cancelled, statuses[families[0].ChildId]);
        Assert.Equal(RegistrationStatus.Accepted, statuses[families[1].ChildId]);
        Assert.Equal(RegistrationStatus.WaitingList, statuses[families[2].ChildId]);
        await app.RunOutboxAsync();
        var notified = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications.Where(n => n.RecipientId == families[1].Guardian.Id).Select(n => n.Title).SingleAsync());
        Assert.StartsWith("Une place s’est libérée", notified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_AgentRefusesWithAReason_OthersCannotSeeTheRegistration()
    {
        var territory = await app.CreateTerritoryAsync();
        var householdId = await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var workshop = await app.CreateServiceAsync(territory, territory.SchoolA, s => (s.Kind, s.Capacity, s.RequiresApproval) = (ServiceKind.Workshop, 5, true));
        var registrationId = await app.InFamilyDbAsync(territory, async db =>
        {
            var registration = new Registration { ServiceId = workshop.Id, ChildId = territory.PupilA.Id, HouseholdId = householdId, StartsOn = workshop.StartsOn, EndsOn = workshop.EndsOn, SubmittedAt = app.Clock.GetUtcNow().UtcDateTime };
            registration.Start(gotPlace: true, requiresApproval: true, app.Clock.GetUtcNow().UtcDateTime);
            db.Registrations.Add(registration);
            await db.Services.Where(s => s.Id == workshop.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, 1));
            await db.SaveChangesAsync();
            return registration.Id;
        });
        var url = $"/gestion/inscriptions/{registrationId}";
        var agent = await app.SignInAsync(territory.Agent);

        var withoutReason = await PreauApp.SubmitFormAsync(agent, url, new() { ["Reason"] = "", ["decision"] = "Refused" });
        Assert.Contains("Ce champ est obligatoire.", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await PreauApp.SubmitFormAsync(agent, url, new() { ["Reason"] = "Réservé aux CM1 et CM2", ["decision"] = "Refused" });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var (status, reason, taken) = await app.InFamilyDbAsync(territory, async db =>
        {
            var r = await db.Registrations.SingleAsync();
            return (r.Status, r.Reason, await db.Services.Select(s => s.PlacesTaken).SingleAsync());
        });
        Assert.Equal((RegistrationStatus.Refused, "Réservé aux CM1 et CM2", 0), (status, reason, taken));
        // A decision sent again from a stale page changes nothing.
        var token = (await PreauApp.GetPageAsync(agent, url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var twice = await agent.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "Accepted" }));
        Assert.Contains("Cette inscription a déjà changé : rechargez la page.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Refused, await app.InFamilyDbAsync(territory, db => db.Registrations.Select(r => r.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync((await app.CreateTerritoryAsync()).Agent)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.GuardianA)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.HeadA)).GetAsync("/gestion/inscriptions")).StatusCode);
    }

    private static string Token(IHtmlDocument page) => page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
