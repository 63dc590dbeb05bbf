using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Data;

// CA1861: each request's days are the test's data, sent once; hoisting them to fields would hide what is asked.
#pragma warning disable CA1861

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>
/// Issue 5, item 3: booking and cancelling days until the town's deadline, late changes, the weekly
/// pattern, the child's other household, full days, time zones, the API and the expected numbers.
/// The clock is Monday 23 November 2026, 08:30 in Paris.
/// </summary>
public sealed class ReservationTests(PreauApp app) : IClassFixture<PreauApp>
{
    private static readonly DateOnly Tuesday24 = new(2026, 11, 24);
    private static readonly DateOnly Thursday26 = new(2026, 11, 26);

    [Fact]
    public async Task Calendar_TickedDaysBeforeTheDeadline_AreBookedAndAudited_LateOnesRefusedWithTheReason()
    {
        var (territory, householdId, canteen) = await ArrangeAsync();
        var client = await app.SignInAsync(territory.GuardianA);
        var url = $"/reservations/{territory.PupilA.Id}?mois=2026-11";
        var page = await PreauApp.GetPageAsync(client, url);

        // Tuesday 24 closed on Friday 20 at 10:00: it is not offered; Thursday 26 is.
        Assert.Null(page.QuerySelector($"input[value='{CalendarKey(canteen, Tuesday24)}']"));
        var response = await SaveTicksAsync(client, url, page, [CalendarKey(canteen, Thursday26), CalendarKey(canteen, new DateOnly(2026, 11, 30))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var days = await app.InFamilyDbAsync(territory, db => db.ChildDays.Where(d => d.ChildId == territory.PupilA.Id).OrderBy(d => d.Day).ToListAsync());
        Assert.Equal([Thursday26, new DateOnly(2026, 11, 30)], days.Select(d => d.Day));
        Assert.All(days, d => Assert.Equal((DayState.Reserved, householdId, false), (d.State, d.HouseholdId, d.LateChange)));
        var audit = await app.InFamilyDbAsync(territory, db => db.DayStateChanges.Where(c => c.Day == Thursday26).SingleAsync());
        Assert.Equal((territory.GuardianA.Id, ChangeSource.Household, (DayState?)null, (DayState?)DayState.Reserved), (audit.ActorId!.Value, audit.Source, audit.Before, audit.After));

        // A day whose deadline passed, forged into the form, is refused with its reason and nothing else changes.
        page = await PreauApp.GetPageAsync(client, url);
        response = await SaveTicksAsync(client, url, page, [CalendarKey(canteen, Thursday26), CalendarKey(canteen, new DateOnly(2026, 11, 30)), CalendarKey(canteen, Tuesday24)], extraShown: [CalendarKey(canteen, Tuesday24)]);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Le délai est dépassé : les changements pour le mardi 24 novembre étaient possibles jusqu’au vendredi 20 novembre à 10:00.", text, StringComparison.Ordinal);
        Assert.Null(await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, Tuesday24));
    }

    [Fact]
    public async Task Book_ClosedDays_HolidaysPastDaysAndOutsideThePeriod_AreRefusedWithTheirReason()
    {
        var (territory, _, canteen) = await ArrangeAsync(s => s.EndsOn = new DateOnly(2027, 1, 15));
        var client = await app.SignInAsync(territory.GuardianA);

        var results = await PostApiAsync(client, territory.PupilA.Id, new { serviceId = canteen.Id, book = new[] { "2026-11-20", "2026-12-21", "2027-01-18", "2026-11-25", "2026-12-03" } });

        var reasons = results.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("day").GetString()!, r => r.GetProperty("reason").GetString());
        Assert.Equal("Ce jour est passé.", reasons["2026-11-20"]);
        Assert.Equal("Ce jour tombe pendant les vacances scolaires.", reasons["2026-12-21"]);
        Assert.Equal("Ce jour est en dehors de la période du service.", reasons["2027-01-18"]);
        Assert.Equal("Le service ne fonctionne pas ce jour de la semaine.", reasons["2026-11-25"]);
        Assert.Null(reasons["2026-12-03"]);
        Assert.Equal(1, await app.InFamilyDbAsync(territory, db => db.ChildDays.CountAsync()));
    }

    [Fact]
    public async Task LateChanges_WhereTheServiceAcceptsThem_AreFlaggedForTheLateTariff()
    {
        var (territory, householdId, canteen) = await ArrangeAsync(s => s.LateChanges = LateChangePolicy.AcceptedWithLateTariff);
        var client = await app.SignInAsync(territory.GuardianA);

        var booked = await PostApiAsync(client, territory.PupilA.Id, new { serviceId = canteen.Id, book = new[] { "2026-11-24", "2026-11-26" } });
        Assert.Equal(["BookedLate", "Booked"], booked.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        var cancelled = await PostApiAsync(client, territory.PupilA.Id, new { serviceId = canteen.Id, cancel = new[] { "2026-11-24", "2026-11-26" } });

        Assert.Equal(["CancelledLate", "Cancelled"], cancelled.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        var tuesday = (await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, Tuesday24))!;
        Assert.Equal((DayState.CancelledLate, true), (tuesday.State, tuesday.LateChange));
        Assert.Null(await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, Thursday26));
        var audit = await app.InFamilyDbAsync(territory, db => db.DayStateChanges.Where(c => c.Day == Tuesday24).OrderBy(c => c.Id).Select(c => new { c.Before, c.After, c.LateChange }).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.True(a.LateChange));
        Assert.Equal((DayState.Reserved, DayState.CancelledLate), (audit[1].Before!.Value, audit[1].After!.Value));
    }

    [Fact]
    public async Task WeeklyPattern_MondaysAndThursdays_BooksThoseDaysAndCancelsTheOthers()
    {
        var (territory, _, canteen) = await ArrangeAsync();
        var client = await app.SignInAsync(territory.GuardianA);
        await PostApiAsync(client, territory.PupilA.Id, new { serviceId = canteen.Id, book = new[] { "2026-12-01" } });
        var url = $"/reservations/{territory.PupilA.Id}?mois=2026-11";
        var page = await PreauApp.GetPageAsync(client, url);

        var response = await client.PostAsync($"/reservations/{territory.PupilA.Id}?mois=2026-11&handler=Pattern", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(page)), new("Pattern.ServiceId", canteen.Id.ToString()),
            new("Pattern.Days", "Monday"), new("Pattern.Days", "Thursday"), new("Pattern.From", "2026-11-23"), new("Pattern.To", "2026-12-11"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var booked = await app.InFamilyDbAsync(territory, db => db.ChildDays.Where(d => d.ChildId == territory.PupilA.Id).OrderBy(d => d.Day).Select(d => d.Day).ToListAsync());
        // Monday 23 is past its deadline (left alone); Tuesday 1 December was booked and is cancelled.
        Assert.Equal([Thursday26, new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 10)], booked);
        var flash = await PreauApp.GetPageAsync(client, url);
        Assert.Contains("5 jour(s) réservé(s), 1 annulé(s), 0 en liste d’attente. 1 jour(s) laissé(s) tels quels", flash.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoHouseholds_EachBooksItsOwnDays_AndCannotUndoTheOthers()
    {
        var (territory, _, canteen) = await ArrangeAsync();
        var secondHousehold = await app.CreateHouseholdAsync(territory, [territory.GuardianWithoutAuthorityA.Id], [territory.PupilA.Id], "Foyer du père");
        var mother = await app.SignInAsync(territory.GuardianA);
        var father = await app.SignInAsync(territory.GuardianWithoutAuthorityA);

        await PostApiAsync(mother, territory.PupilA.Id, new { serviceId = canteen.Id, book = new[] { "2026-11-26" } });
        var theirs = await PostApiAsync(father, territory.PupilA.Id, new { serviceId = canteen.Id, book = new[] { "2026-11-26", "2026-11-27" }, cancel = new[] { "2026-11-30" } });
        var undo = await PostApiAsync(father, territory.PupilA.Id, new { serviceId = canteen.Id, cancel = new[] { "2026-11-26" } });

        var results = theirs.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("Ce jour est déjà réservé par l’autre foyer de l’enfant.", results[0].GetProperty("reason").GetString());
        Assert.Equal("Booked", results[1].GetProperty("outcome").GetString());
        Assert.Equal("Ce jour a été réservé par l’autre foyer de l’enfant : lui seul peut l’annuler.", undo.GetProperty("results")[0].GetProperty("reason").GetString());
        Assert.Equal(secondHousehold, (await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, new DateOnly(2026, 11, 27)))!.HouseholdId);
        var month = await father.GetFromJsonAsync<JsonElement>($"/api/v1/family/children/{territory.PupilA.Id}/reservations?month=2026-11");
        var thursday = month.GetProperty("services")[0].GetProperty("days").EnumerateArray().Single(d => d.GetProperty("day").GetString() == "2026-11-26");
        Assert.Equal(("NotYours", false), (thursday.GetProperty("access").GetString(), thursday.GetProperty("bookedByThisHousehold").GetBoolean()));
    }

    [Fact]
    public async Task FullDay_GoesOnItsWaitingList_AndACancellationServesIt()
    {
        var territory = await app.CreateTerritoryAsync();
        var families = await app.CreateFamiliesAsync(territory, 2);
        var centre = await app.CreateServiceAsync(territory, territory.SchoolA, s => (s.Kind, s.Name, s.DailyCapacity) = (ServiceKind.Wednesday, "Mercredis", 1));
        foreach (var family in families)
        {
            await app.RegisterAsync(territory, family.ChildId, centre.Id, family.HouseholdId);
        }

        var first = await app.SignInAsync(families[0].Guardian);
        var second = await app.SignInAsync(families[1].Guardian);
        await PostApiAsync(first, families[0].ChildId, new { serviceId = centre.Id, book = new[] { "2026-11-26" } });
        var waiting = await PostApiAsync(second, families[1].ChildId, new { serviceId = centre.Id, book = new[] { "2026-11-26" } });
        Assert.Equal("WaitingList", waiting.GetProperty("results")[0].GetProperty("outcome").GetString());

        await PostApiAsync(first, families[0].ChildId, new { serviceId = centre.Id, cancel = new[] { "2026-11-26" } });

        Assert.Equal(DayState.Reserved, (await app.DayAsync(territory, families[1].ChildId, centre.Id, Thursday26))!.State);
        await app.RunOutboxAsync();
        var notice = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications.SingleAsync(n => n.RecipientId == families[1].Guardian.Id));
        Assert.StartsWith("Une place s’est libérée le 26/11/2026", notice.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_IsEvaluatedInTheTerritorysTimeZone()
    {
        // 07:30 UTC: 08:30 in Paris, 04:30 in French Guiana. A same-day deadline at 06:00 is open only there.
        var paris = await ArrangeAsync(s => (s.DeadlineWorkingDays, s.DeadlineTime) = (0, new TimeOnly(6, 0)));
        var guiana = await ArrangeAsync(s => (s.DeadlineWorkingDays, s.DeadlineTime) = (0, new TimeOnly(6, 0)), timeZone: "America/Cayenne");

        var inParis = await PostApiAsync(await app.SignInAsync(paris.Territory.GuardianA), paris.Territory.PupilA.Id, new { serviceId = paris.Service.Id, book = new[] { "2026-11-23" } });
        var inGuiana = await PostApiAsync(await app.SignInAsync(guiana.Territory.GuardianA), guiana.Territory.PupilA.Id, new { serviceId = guiana.Service.Id, book = new[] { "2026-11-23" } });

        Assert.Equal("Refused", inParis.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal("Booked", inGuiana.GetProperty("results")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Api_BadRequestsAndOthersChildren_GetFrenchProblems_AndChangeNothing()
    {
        var (territory, _, canteen) = await ArrangeAsync();
        var other = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianA);
        var url = $"/api/v1/family/children/{territory.PupilA.Id}/reservations";

        var malformed = await client.PostAsync(url, new StringContent("{\"serviceId\": 12, book: [", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType!.MediaType);
        Assert.Contains("n’est pas un JSON valide", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var huge = await client.PostAsync(url, new StringContent("{\"serviceId\":\"" + new string('x', 200_000) + "\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        var both = await client.PostAsJsonAsync(url, new { serviceId = canteen.Id, book = new[] { "2026-11-26" }, cancel = new[] { "2026-11-26" } });
        Assert.Contains("Un même jour ne peut pas être réservé et annulé à la fois.", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var forged = await client.PostAsJsonAsync(url, new { serviceId = Guid.NewGuid(), book = new[] { "2026-11-26" } });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Ce service n’existe pas.", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badMonth = await client.GetAsync($"{url}?month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);

        var someoneElse = await client.PostAsJsonAsync($"/api/v1/family/children/{territory.PupilB.Id}/reservations", new { serviceId = canteen.Id, book = new[] { "2026-11-26" } });
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(other.Agent)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.GuardianB)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.TeacherA)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowserClient().GetAsync(url)).StatusCode);
        Assert.Equal(0, await app.InFamilyDbAsync(territory, db => db.ChildDays.CountAsync()));
    }

    [Fact]
    public async Task Agent_BooksAtTheCounterForAHousehold()
    {
        var (territory, householdId, canteen) = await ArrangeAsync();
        var agent = await app.SignInAsync(territory.Agent);

        var result = await PostApiAsync(agent, territory.PupilA.Id, new { serviceId = canteen.Id, householdId, book = new[] { "2026-11-26" } });

        Assert.Equal("Booked", result.GetProperty("results")[0].GetProperty("outcome").GetString());
        var audit = await app.InFamilyDbAsync(territory, db => db.DayStateChanges.SingleAsync());
        Assert.Equal((ChangeSource.Agent, territory.Agent.Id), (audit.Source, audit.ActorId!.Value));
    }

    [Fact]
    public async Task ExpectedNumbers_ForTheKitchen_PerSchoolWithAllergies_VisibleToItsStaffOnly()
    {
        var (territory, householdId, canteen) = await ArrangeAsync();
        await app.InFamilyDbAsync(territory, async db =>
        {
            db.MedicalInfo.Add(new Preau.FamilyServices.Households.ChildMedicalInfo { ChildId = territory.PupilA.Id, Allergens = Preau.FamilyServices.Allergen.Gluten, HasIndividualCarePlan = true });
            return await db.SaveChangesAsync();
        });
        await PostApiAsync(await app.SignInAsync(territory.GuardianA), territory.PupilA.Id, new { serviceId = canteen.Id, book = new[] { "2026-11-26" } });
        var staff = await app.SignInAsync(territory.AfterSchoolA);

        var page = await PreauApp.GetPageAsync(staff, "/periscolaire/effectifs?date=2026-11-26");
        var row = page.QuerySelector("table.numbers tbody tr")!.TextContent;
        Assert.Contains("Restauration scolaire", row, StringComparison.Ordinal);
        Assert.Contains("Gluten 1", row, StringComparison.Ordinal);
        var csv = await staff.GetStringAsync("/periscolaire/effectifs?handler=Csv&date=2026-11-26");
        Assert.Contains(";Restauration scolaire;1;0;0;0;0;1;1;", csv, StringComparison.Ordinal);
        var api = await staff.GetFromJsonAsync<JsonElement>("/api/v1/family/expected-numbers?date=2026-11-26");
        Assert.Equal(1, api[0].GetProperty("expected").GetInt32());

        var headB = await app.SignInAsync(territory.HeadB);
        Assert.DoesNotContain("Restauration scolaire", (await PreauApp.GetPageAsync(headB, "/periscolaire/effectifs?date=2026-11-26")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/api/v1/family/expected-numbers?date=2026-11-26&schoolId={territory.SchoolA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.GuardianA)).GetAsync("/periscolaire/effectifs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.TeacherA)).GetAsync("/api/v1/family/expected-numbers")).StatusCode);
    }

    private async Task<(TestTerritory Territory, Guid HouseholdId, Service Service)> ArrangeAsync(Action<Service>? configure = null, string? timeZone = null)
    {
        var territory = await app.CreateTerritoryAsync();
        if (timeZone is not null)
        {
            await app.InTerritoryAsync(territory.Id, async sp =>
            {
                var db = sp.GetRequiredService<IdentityDbContext>();
                return await db.Territories.Where(t => t.Id == territory.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.TimeZoneId, timeZone));
            });
        }

        var householdId = await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var canteen = await app.CreateServiceAsync(territory, territory.SchoolA, configure);
        await app.RegisterAsync(territory, territory.PupilA.Id, canteen.Id, householdId);
        return (territory, householdId, canteen);
    }

    private static async Task<JsonElement> PostApiAsync(HttpClient client, Guid childId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/family/children/{childId}/reservations", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string CalendarKey(Service service, DateOnly day) => $"{service.Id:N}|{day:yyyy-MM-dd}";

    private static string Token(IHtmlDocument page) => page.QuerySelector("form.reservation-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Submits the month as a browser would with these boxes ticked (and every changeable day of the page shown).</summary>
    private static Task<HttpResponseMessage> SaveTicksAsync(HttpClient client, string url, IHtmlDocument page, string[] ticked, string[]? extraShown = null)
    {
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token(page)) };
        values.AddRange(page.QuerySelectorAll("form.reservation-form input[name=affiche]").Select(i => new KeyValuePair<string, string>("affiche", i.GetAttribute("value")!)));
        values.AddRange((extraShown ?? []).Select(k => new KeyValuePair<string, string>("affiche", k)));
        values.AddRange(ticked.Select(k => new KeyValuePair<string, string>("jour", k)));
        return client.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
