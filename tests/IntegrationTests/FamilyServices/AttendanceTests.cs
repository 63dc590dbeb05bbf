using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>
/// Issue 5, item 4: the staff mark attendance on the sheet (plain form) or from a tablet through the
/// idempotent synchronisation endpoint; the last mark wins; what invoicing needs is kept and audited.
/// </summary>
public sealed class AttendanceTests(PreauApp app) : IClassFixture<PreauApp>
{
    private static readonly DateOnly Today = FamilyArrangements.Today;

    [Fact]
    public async Task Sheet_PlainForm_MarksPresenceAbsenceAndPresenceWithoutReservation()
    {
        var (territory, canteen) = await ArrangeAsync();
        var staff = await app.SignInAsync(territory.AfterSchoolA);
        var url = $"/periscolaire/pointage/{canteen.Id}?date={Today:yyyy-MM-dd}";

        var sheet = await PreauApp.GetPageAsync(staff, url);
        Assert.Contains("Paul Élève", sheet.QuerySelector($"#enfant-{territory.PupilA.Id}")!.TextContent, StringComparison.Ordinal);
        await MarkAsync(staff, url, $"AbsentUnexcused|{territory.PupilA.Id}");
        await MarkAsync(staff, url, $"Present|{territory.PupilA2.Id}");

        Assert.Equal(DayState.AbsentUnexcused, (await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, Today))!.State);
        Assert.Equal(DayState.PresentWithoutReservation, (await app.DayAsync(territory, territory.PupilA2.Id, canteen.Id, Today))!.State);
        var audit = await app.InFamilyDbAsync(territory, db => db.DayStateChanges.Where(c => c.Source == ChangeSource.Staff).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([DayState.AbsentUnexcused, DayState.PresentWithoutReservation], audit.Select(a => a.After!.Value));
        Assert.All(audit, a => Assert.Equal(territory.AfterSchoolA.Id, a.ActorId));

        // Correcting a mark restores the booking; a presence without reservation corrected leaves nothing.
        await MarkAsync(staff, url, $"NotMarked|{territory.PupilA.Id}");
        await MarkAsync(staff, url, $"NotMarked|{territory.PupilA2.Id}");
        Assert.Equal(DayState.Reserved, (await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, Today))!.State);
        Assert.Null(await app.DayAsync(territory, territory.PupilA2.Id, canteen.Id, Today));
    }

    [Fact]
    public async Task Sheet_HourlyService_KeepsArrivalAndDeparture()
    {
        var (territory, evening) = await ArrangeAsync(s => (s.Kind, s.Name, s.BillingUnit, s.OpensAt, s.ClosesAt) = (ServiceKind.EveningCare, "Accueil du soir", BillingUnit.PerHour, new TimeOnly(16, 30), new TimeOnly(18, 30)));
        var staff = await app.SignInAsync(territory.AfterSchoolA);
        var url = $"/periscolaire/pointage/{evening.Id}?date={Today:yyyy-MM-dd}";

        await MarkAsync(staff, url, $"Present|{territory.PupilA.Id}", new() { [$"arrivedAt[{territory.PupilA.Id}]"] = "16:35", [$"leftAt[{territory.PupilA.Id}]"] = "18:05" });

        var day = (await app.DayAsync(territory, territory.PupilA.Id, evening.Id, Today))!;
        Assert.Equal((new TimeOnly(16, 35), new TimeOnly(18, 5)), (day.ArrivedAt!.Value, day.LeftAt!.Value));
        Assert.Equal("16:35–18:05", await app.InFamilyDbAsync(territory, db => db.DayStateChanges.Select(c => c.Detail).SingleAsync()));
    }

    [Fact]
    public async Task Sync_AppliesOnce_ReplayChangesNothing_AndTheLastMarkWins()
    {
        var (territory, canteen) = await ArrangeAsync();
        var staff = await app.SignInAsync(territory.AfterSchoolA);
        var now = app.Clock.GetUtcNow();
        var first = Mark(canteen, territory.PupilA.Id, "Present", now.AddMinutes(-10));
        var later = Mark(canteen, territory.PupilA.Id, "AbsentExcused", now.AddMinutes(-2));
        var older = Mark(canteen, territory.PupilA.Id, "AbsentUnexcused", now.AddMinutes(-5));

        var applied = await SyncAsync(staff, first, later);
        var replayed = await SyncAsync(staff, first, later, older);

        Assert.Equal(["applied", "applied"], Outcomes(applied));
        Assert.Equal(["replayed", "replayed", "stale"], Outcomes(replayed));
        Assert.Equal("Ce pointage a déjà été reçu.", replayed.GetProperty("results")[0].GetProperty("message").GetString());
        Assert.Equal(DayState.AbsentExcused, (await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, Today))!.State);
        var audited = await app.InFamilyDbAsync(territory, db => db.DayStateChanges.Where(c => c.ClientMarkId != null).CountAsync());
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task Sync_SameMarkSentTwiceAtOnce_IsRecordedOnce()
    {
        var (territory, canteen) = await ArrangeAsync();
        var staff = await app.SignInAsync(territory.AfterSchoolA);
        var mark = Mark(canteen, territory.PupilA.Id, "Present", app.Clock.GetUtcNow());

        var results = await Task.WhenAll(SyncAsync(staff, mark), SyncAsync(staff, mark), SyncAsync(staff, mark));

        Assert.Equal(1, results.Count(r => Outcomes(r)[0] == "applied"));
        Assert.Equal(1, await app.InFamilyDbAsync(territory, db => db.DayStateChanges.CountAsync(c => c.ClientMarkId != null)));
    }

    [Fact]
    public async Task Sync_BadMarks_AreRejectedOneByOne_AndBadPayloadsWithAFrenchProblem()
    {
        var (territory, canteen) = await ArrangeAsync();
        var otherSchool = await app.CreateServiceAsync(territory, territory.SchoolB);
        var staff = await app.SignInAsync(territory.AfterSchoolA);
        var now = app.Clock.GetUtcNow();

        var results = await SyncAsync(staff,
            Mark(canteen, territory.PupilA.Id, "Present", now),
            new { id = "pas-un-guid", serviceId = canteen.Id, childId = territory.PupilA.Id, day = Today.ToString("yyyy-MM-dd"), mark = "Present", markedAt = now },
            Mark(canteen, territory.PupilA.Id, "Teleported", now),
            Mark(canteen, territory.PupilB.Id, "Present", now),
            Mark(otherSchool, territory.PupilB.Id, "Present", now),
            Mark(canteen, territory.PupilA.Id, "Present", now, day: Today.AddDays(3)),
            Mark(canteen, territory.PupilA.Id, "Present", now, arrivedAt: "18:00", leftAt: "17:00"));

        Assert.Equal(["applied", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected"], Outcomes(results));
        var messages = results.GetProperty("results").EnumerateArray().Skip(1).Select(r => r.GetProperty("message").GetString()).ToList();
        Assert.Equal(["Ce pointage est mal formé.", "Ce pointage est mal formé.", "Cet enfant n’est pas inscrit à ce service ce jour-là.",
            "Ce service n’existe pas ou ne vous est pas accessible.", "On ne pointe pas un jour à venir.", "Ce pointage n’est pas valide : l’heure de départ précède l’heure d’arrivée."], messages);

        var malformed = await staff.PostAsync("/api/v1/family/attendance/marks", new StringContent("{\"marks\": [ {\"id\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("n’est pas un JSON valide", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var empty = await staff.PostAsJsonAsync("/api/v1/family/attendance/marks", new { marks = Array.Empty<object>() });
        Assert.Contains("Envoyez entre 1 et 500 pointages.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var huge = await staff.PostAsync("/api/v1/family/attendance/marks", new StringContent("{\"marks\":[" + string.Join(',', Enumerable.Repeat("{\"id\":\"" + new string('x', 1000) + "\"}", 600)) + "]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task Sync_AndSheet_OnlyForTheStaffOfTheSchool()
    {
        var (territory, canteen) = await ArrangeAsync();
        var other = await app.CreateTerritoryAsync();
        var mark = Mark(canteen, territory.PupilA.Id, "Present", app.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.TeacherA)).PostAsJsonAsync("/api/v1/family/attendance/marks", new { marks = new[] { mark } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.GuardianA)).PostAsJsonAsync("/api/v1/family/attendance/marks", new { marks = new[] { mark } })).StatusCode);
        var elsewhere = await SyncAsync(await app.SignInAsync(other.AfterSchoolA), mark);
        Assert.Equal(["rejected"], Outcomes(elsewhere));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(other.AfterSchoolA)).GetAsync($"/periscolaire/pointage/{canteen.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.HeadA)).GetAsync($"/periscolaire/pointage/{canteen.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(territory.Agent)).GetAsync($"/periscolaire/pointage/{canteen.Id}")).StatusCode);
        Assert.Null(await app.DayAsync(territory, territory.PupilA.Id, canteen.Id, Today) is { IsMarked: true } ? "marked" : null);
    }

    private async Task<(TestTerritory Territory, Service Service)> ArrangeAsync(Action<Service>? configure = null)
    {
        var territory = await app.CreateTerritoryAsync();
        var householdA = await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var householdA2 = await app.CreateHouseholdAsync(territory, [territory.Unactivated.Id], [territory.PupilA2.Id]);
        var service = await app.CreateServiceAsync(territory, territory.SchoolA, configure);
        await app.RegisterAsync(territory, territory.PupilA.Id, service.Id, householdA);
        await app.RegisterAsync(territory, territory.PupilA2.Id, service.Id, householdA2);
        await app.InFamilyDbAsync(territory, async db =>
        {
            var day = new ChildDay { ChildId = territory.PupilA.Id, ServiceId = service.Id, Day = Today, HouseholdId = householdA };
            day.Book(householdA, full: false, late: false, app.Clock.GetUtcNow().UtcDateTime.AddDays(-5));
            db.ChildDays.Add(day);
            return await db.SaveChangesAsync();
        });
        return (territory, service);
    }

    private static object Mark(Service service, Guid childId, string mark, DateTimeOffset markedAt, DateOnly? day = null, string? arrivedAt = null, string? leftAt = null) => new
    {
        id = Guid.NewGuid(),
        serviceId = service.Id,
        childId,
        day = (day ?? Today).ToString("yyyy-MM-dd"),
        mark,
        arrivedAt,
        leftAt,
        markedAt,
    };

    private static async Task<JsonElement> SyncAsync(HttpClient client, params object[] marks)
    {
        var response = await client.PostAsJsonAsync("/api/v1/family/attendance/marks", new { marks });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Outcomes(JsonElement body) => body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()!).ToList();

    private static async Task MarkAsync(HttpClient client, string url, string button, Dictionary<string, string>? times = null)
    {
        var page = await PreauApp.GetPageAsync(client, url);
        var form = page.QuerySelector("form[data-mark-form]") as AngleSharp.Html.Dom.IHtmlFormElement;
        var fields = new Dictionary<string, string>(times ?? []) { ["mark"] = button };
        var response = await PreauApp.PostFormAsync(client, url, form!, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
