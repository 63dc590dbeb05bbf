using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>
/// Issue 5, item 9: statistics. Figures per month, service, school and day, registered children and the
/// estimated amount, their CSV, the API, and who may see them — on the data a test arranges.
/// </summary>
public sealed class StatisticsTests(PreauApp app) : IClassFixture<PreauApp>
{
    private const string Period = "du=2026-10&au=2026-11&mois=2026-11";
    private const string ApiPeriod = "from=2026-10&to=2026-11&month=2026-11";

    private sealed record Arranged(TestTerritory Territory, Service CanteenA, Service CanteenB);

    /// <summary>
    /// Canteen A (capacity 10): Paul (household with QF 650) present 2 Nov, excused 3 Nov, unexcused 5 Nov,
    /// booked 24 Nov (not marked), present 15 Oct; Léo (no QF) present without reservation 2 Nov, present
    /// 5 Nov. Canteen B: Zoé (no QF) present 2 Nov, cancelled late 3 Nov. Grid: 2,35 € for QF 400–800,
    /// 4,10 € from 800 (and without QF), late +25 %, no reservation 6,50 € fixed.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var t = await app.CreateTerritoryAsync();
        var hA = await app.CreateHouseholdAsync(t, [t.GuardianA.Id], [t.PupilA.Id], "Foyer A");
        var hA2 = await app.CreateHouseholdAsync(t, [t.Unactivated.Id], [t.PupilA2.Id], "Foyer A2");
        var hB = await app.CreateHouseholdAsync(t, [t.GuardianB.Id], [t.PupilB.Id], "Foyer B");
        var canteenA = await app.CreateServiceAsync(t, t.SchoolA, s => (s.Capacity, s.Name) = (10, "Cantine A"));
        var canteenB = await app.CreateServiceAsync(t, t.SchoolB, s => s.Name = "=Cantine B");
        await app.RegisterAsync(t, t.PupilA.Id, canteenA.Id, hA);
        await app.RegisterAsync(t, t.PupilA2.Id, canteenA.Id, hA2);
        await app.RegisterAsync(t, t.PupilB.Id, canteenB.Id, hB);
        await app.RegisterAsync(t, t.PupilB.Id, canteenA.Id, hB, accepted: false);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InFamilyDbAsync(t, async db =>
        {
            ChildDay Day(Guid child, Service service, Guid household, int month, int day, AttendanceMark mark = AttendanceMark.NotMarked, bool book = true, bool cancelLate = false)
            {
                var d = new ChildDay { ChildId = child, ServiceId = service.Id, Day = new DateOnly(2026, month, day), HouseholdId = household };
                if (book)
                {
                    d.Book(household, full: false, late: false, now.AddDays(-40));
                }

                if (cancelLate)
                {
                    d.Cancel(late: true);
                }

                if (mark != AttendanceMark.NotMarked)
                {
                    d.Mark(mark, null, null, now.AddDays(-20), null);
                }

                db.ChildDays.Add(d);
                return d;
            }

            Day(t.PupilA.Id, canteenA, hA, 11, 2, AttendanceMark.Present);
            Day(t.PupilA.Id, canteenA, hA, 11, 3, AttendanceMark.AbsentExcused);
            Day(t.PupilA.Id, canteenA, hA, 11, 5, AttendanceMark.AbsentUnexcused);
            Day(t.PupilA.Id, canteenA, hA, 11, 24);
            Day(t.PupilA.Id, canteenA, hA, 10, 15, AttendanceMark.Present);
            Day(t.PupilA2.Id, canteenA, hA2, 11, 2, AttendanceMark.Present, book: false);
            Day(t.PupilA2.Id, canteenA, hA2, 11, 5, AttendanceMark.Present);
            Day(t.PupilB.Id, canteenB, hB, 11, 2, AttendanceMark.Present);
            Day(t.PupilB.Id, canteenB, hB, 11, 3, cancelLate: true);

            var grid = new TariffVersion
            {
                Kind = ServiceKind.Canteen,
                Label = "Cantine 2026-2027",
                StartsOn = new DateOnly(2026, 9, 1),
                Unit = BillingUnit.PerDay,
                Brackets =
                [
                    new TariffBracket { Position = 1, LowerBound = 0, UpperBound = 400, UnitPrice = 1.00m },
                    new TariffBracket { Position = 2, LowerBound = 400, UpperBound = 800, UnitPrice = 2.35m },
                    new TariffBracket { Position = 3, LowerBound = 800, UpperBound = null, UnitPrice = 4.10m },
                ],
                LateMode = PenaltyMode.SurchargePercent,
                LateValue = 25,
                NoReservationMode = PenaltyMode.FixedPrice,
                NoReservationValue = 6.50m,
                CreatedBy = t.Agent.Id,
                CreatedAt = now,
            };
            grid.Publish(t.Agent.Id, now);
            db.TariffVersions.Add(grid);
            var quotient = new QuotientFamilialRecord
            {
                HouseholdId = hA,
                Source = QuotientSource.CafAttestation,
                Amount = 650m,
                ValidFrom = new DateOnly(2026, 1, 1),
                ValidUntil = new DateOnly(2026, 12, 31),
                SubmittedBy = t.GuardianA.Id,
                SubmittedAt = now.AddDays(-90),
            };
            quotient.Validate(t.Agent.Id, now.AddDays(-89));
            db.QuotientRecords.Add(quotient);
            return await db.SaveChangesAsync();
        });
        return new Arranged(t, canteenA, canteenB);
    }

    private static async Task<JsonElement> ApiAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/family/statistics?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Service(JsonElement body, Guid id) =>
        body.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("serviceId").GetGuid() == id);

    private static (int Booked, int Present, int WithoutReservation, int Excused, int Unexcused, int CancelledLate, int NotMarked, decimal? Rate) Counts(JsonElement attendance) => (
        attendance.GetProperty("booked").GetInt32(), attendance.GetProperty("present").GetInt32(), attendance.GetProperty("presentWithoutReservation").GetInt32(),
        attendance.GetProperty("absentExcused").GetInt32(), attendance.GetProperty("absentUnexcused").GetInt32(), attendance.GetProperty("cancelledLate").GetInt32(),
        attendance.GetProperty("notMarked").GetInt32(), attendance.GetProperty("attendanceRate").ValueKind == JsonValueKind.Null ? null : attendance.GetProperty("attendanceRate").GetDecimal());

    [Fact]
    public async Task Api_Agent_FiguresPerMonthServiceDayRegistrationsAndEstimate()
    {
        var a = await ArrangeAsync();
        var agent = await app.SignInAsync(a.Territory.Agent);

        var body = await ApiAsync(agent, ApiPeriod);

        var months = body.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2026-10", "2026-11"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal((1, 1, 0, 0, 0, 0, 0, 100.0m), Counts(months[0].GetProperty("attendance")));
        // November: A 5 booked (2 present, 1 excused, 1 unexcused, 1 not marked) + 1 without reservation; B 1 present, 1 cancelled late.
        Assert.Equal((6, 3, 1, 1, 1, 1, 1, 66.7m), Counts(months[1].GetProperty("attendance")));
        Assert.Equal((7, 4, 1, 1, 1, 1, 1, 71.4m), Counts(body.GetProperty("total")));

        var canteenA = Service(body, a.CanteenA.Id);
        Assert.Equal((6, 3, 1, 1, 1, 0, 1, 66.7m), Counts(canteenA.GetProperty("attendance")));
        Assert.Equal(a.Territory.SchoolA, canteenA.GetProperty("schoolId").GetGuid());
        var registrations = canteenA.GetProperty("registrations");
        Assert.Equal((2, 0, 1, 10, 20.0m), (registrations.GetProperty("accepted").GetInt32(), registrations.GetProperty("pending").GetInt32(), registrations.GetProperty("waitingList").GetInt32(), registrations.GetProperty("capacity").GetInt32(), registrations.GetProperty("fillRate").GetDecimal()));
        Assert.Equal(3, body.GetProperty("registeredChildren").GetInt32());

        var days = body.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("day").GetString()!, d => Counts(d.GetProperty("attendance")));
        Assert.Equal(30, days.Count);
        Assert.Equal((2, 2, 1, 0, 0, 0, 0, 100.0m), days["2026-11-02"]);
        Assert.Equal((1, 0, 0, 1, 0, 1, 0, 0.0m), days["2026-11-03"]);
        Assert.Equal((1, 0, 0, 0, 0, 0, 1, null), days["2026-11-24"]);

        // Estimate: A = Paul 3 × 2,35 (QF 650) + Léo 4,10 + 6,50 (fixed, no reservation) = 17,65;
        // B = Zoé 4,10 + 4,10 × 1,25 (late: 4,10 + 1,03) = 9,23.
        var estimateA = canteenA.GetProperty("estimate");
        Assert.Equal((5, 17.65m, 0), (estimateA.GetProperty("billableDays").GetInt32(), estimateA.GetProperty("amount").GetDecimal(), estimateA.GetProperty("unpricedDays").GetInt32()));
        Assert.Equal(9.23m, Service(body, a.CanteenB.Id).GetProperty("estimate").GetProperty("amount").GetDecimal());
        Assert.Equal(26.88m, body.GetProperty("estimatedAmount").GetDecimal());
    }

    [Fact]
    public async Task Estimate_TariffChangingMidMonth_EachDayAtTheVersionInForce()
    {
        var a = await ArrangeAsync();
        await app.InFamilyDbAsync(a.Territory, async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var grid = new TariffVersion
            {
                Kind = ServiceKind.Canteen,
                Label = "Cantine à partir du 4 novembre",
                StartsOn = new DateOnly(2026, 11, 4),
                Unit = BillingUnit.PerDay,
                Brackets =
                [
                    new TariffBracket { Position = 1, LowerBound = 0, UpperBound = 400, UnitPrice = 1.00m },
                    new TariffBracket { Position = 2, LowerBound = 400, UpperBound = 800, UnitPrice = 3.00m },
                    new TariffBracket { Position = 3, LowerBound = 800, UpperBound = null, UnitPrice = 5.00m },
                ],
                CreatedBy = a.Territory.Agent.Id,
                CreatedAt = now,
            };
            grid.Publish(a.Territory.Agent.Id, now);
            db.TariffVersions.Add(grid);
            return await db.SaveChangesAsync();
        });

        var body = await ApiAsync(await app.SignInAsync(a.Territory.Agent), ApiPeriod);

        // A: Paul 2,35 (2 Nov) + 3,00 + 3,00 (5 and 24 Nov); Léo 6,50 (2 Nov, old grid's fixed price) + 5,00 (5 Nov). B: only before the 4th.
        Assert.Equal(19.85m, Service(body, a.CanteenA.Id).GetProperty("estimate").GetProperty("amount").GetDecimal());
        Assert.Equal(9.23m, Service(body, a.CanteenB.Id).GetProperty("estimate").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Api_FilteredBySchoolOrKind_CountsOnlyThatSchool()
    {
        var a = await ArrangeAsync();
        var agent = await app.SignInAsync(a.Territory.Agent);

        var schoolB = await ApiAsync(agent, $"{ApiPeriod}&schoolId={a.Territory.SchoolB}");
        var study = await ApiAsync(agent, $"{ApiPeriod}&kind=Study");

        Assert.Equal([a.CanteenB.Id], schoolB.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("serviceId").GetGuid()));
        Assert.Equal((1, 1, 0, 0, 0, 1, 0, 100.0m), Counts(schoolB.GetProperty("total")));
        Assert.Equal(1, schoolB.GetProperty("registeredChildren").GetInt32());
        Assert.Empty(study.GetProperty("services").EnumerateArray());
        Assert.Equal(0, study.GetProperty("total").GetProperty("booked").GetInt32());
    }

    [Fact]
    public async Task Page_Agent_ShowsChartsTablesAndEstimate()
    {
        var a = await ArrangeAsync();
        var agent = await app.SignInAsync(a.Territory.Agent);

        var page = await PreauApp.GetPageAsync(agent, "/gestion/statistiques?" + Period);

        var chart = page.QuerySelector("svg#chart-months")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.StartsWith("Graphique : jours de présence par mois", chart.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(["1", "4"], chart.QuerySelectorAll("g.chart__row").Select(g => g.GetAttribute("data-value")));
        var monthRows = page.QuerySelector("#months-title")!.ParentElement!.ParentElement!.QuerySelectorAll("tbody tr").Select(r => string.Join('|', r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["octobre 2026|1|1|0|0|0|0|0|100,0 %", "novembre 2026|6|3|1|1|1|1|1|66,7 %"], monthRows);
        Assert.NotNull(page.QuerySelector("svg#chart-days"));
        Assert.NotNull(page.QuerySelector("svg#chart-registrations"));
        Assert.Contains("Total estimé : 26,88 €.", page.QuerySelector("#estimate-title")!.ParentElement!.ParentElement!.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("Estimation à partir des réservations", page.Body!.TextContent, StringComparison.Ordinal);

        var home = await PreauApp.GetPageAsync(agent, "/");
        var section = home.QuerySelector("#agent-statistics-title")!.ParentElement!;
        Assert.Contains("Statistiques de novembre 2026", section.TextContent, StringComparison.Ordinal);
        Assert.NotNull(section.QuerySelector("a[href='/gestion/statistiques']"));
    }

    [Fact]
    public async Task Csv_FrenchConventions_FormulaNeutralised_AndEachTable()
    {
        var a = await ArrangeAsync();
        var agent = await app.SignInAsync(a.Territory.Agent);

        var months = await CsvAsync(agent, "mois");
        var services = await CsvAsync(agent, "services");
        var days = await CsvAsync(agent, "jours");
        var registrations = await CsvAsync(agent, "inscriptions");
        var estimate = await CsvAsync(agent, "montants");

        Assert.Equal("Mois;Jours réservés;Présents;Présents sans réservation;Absents excusés;Absents non excusés;Annulés hors délai;Non pointés;Taux de présence (%)", months[0]);
        Assert.Equal(["2026-10;1;1;0;0;0;0;0;100", "2026-11;6;3;1;1;1;1;1;66,7"], months[1..]);
        Assert.Contains(services, l => l.EndsWith(";Restauration scolaire;'=Cantine B;2026-11;1;1;0;0;0;1;0;100", StringComparison.Ordinal));
        Assert.Contains("2026-11-02;2;2;1;0;0;0;0;100", days);
        Assert.Contains(registrations, l => l.EndsWith(";Restauration scolaire;Cantine A;2;0;1;10;20", StringComparison.Ordinal));
        Assert.Contains(estimate, l => l.StartsWith("2026-11;", StringComparison.Ordinal) && l.EndsWith(";Cantine A;À la journée;5;5;17,65;0;0", StringComparison.Ordinal));
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string table)
    {
        using var response = await client.GetAsync($"/gestion/statistiques?handler=Csv&tableau={table}&{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Rights_OtherTerritorySeesNothing_HeadSeesOwnSchoolWithoutEstimate_OthersRefused()
    {
        var a = await ArrangeAsync();
        var other = await app.CreateTerritoryAsync();

        var foreignAgent = await app.SignInAsync(other.Agent);
        var foreign = await ApiAsync(foreignAgent, ApiPeriod);
        Assert.Empty(foreign.GetProperty("services").EnumerateArray());
        Assert.Equal(0, foreign.GetProperty("total").GetProperty("booked").GetInt32());
        Assert.Equal(0, foreign.GetProperty("registeredChildren").GetInt32());
        using (var response = await foreignAgent.GetAsync($"/api/v1/family/statistics?{ApiPeriod}&schoolId={a.Territory.SchoolA}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Cette école n’existe pas ou ne vous est pas accessible.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var foreignPage = await PreauApp.GetPageAsync(foreignAgent, $"/gestion/statistiques?{Period}&service={a.CanteenA.Id}");
        Assert.DoesNotContain("Cantine A", foreignPage.Body!.TextContent, StringComparison.Ordinal);

        var head = await app.SignInAsync(a.Territory.HeadA);
        var headView = await ApiAsync(head, ApiPeriod);
        Assert.Equal([a.CanteenA.Id], headView.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("serviceId").GetGuid()));
        Assert.Equal(JsonValueKind.Null, headView.GetProperty("estimatedAmount").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/gestion/statistiques?handler=Csv&tableau=montants&{Period}")).StatusCode);
        var headPage = await PreauApp.GetPageAsync(head, "/gestion/statistiques?" + Period);
        Assert.Null(headPage.QuerySelector("#estimate-title"));
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync($"/api/v1/family/statistics?schoolId={a.Territory.SchoolB}")).StatusCode);

        foreach (var refused in new[] { a.Territory.GuardianA, a.Territory.TeacherA, a.Territory.AfterSchoolA })
        {
            var client = await app.SignInAsync(refused);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/gestion/statistiques")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/gestion/statistiques?handler=Csv&tableau=mois")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/family/statistics")).StatusCode);
        }
    }

    [Theory]
    [InlineData("du=2026-13", "Le mois de début s’écrit AAAA-MM")]
    [InlineData("du=2024-01&au=2026-11", "Choisissez une période de 24 mois au plus.")]
    [InlineData("du=2026-11&au=2026-10", "Le mois de début doit précéder le mois de fin.")]
    [InlineData("ecole=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Cette école n’existe pas ou ne vous est pas accessible.")]
    [InlineData("type=Canteen,Study", "Ce type de service n’existe pas.")]
    [InlineData("mois=2025-01", "Le mois détaillé doit faire partie de la période choisie.")]
    public async Task BadInput_FrenchMessageOnPage_ProblemDetailsInApi(string query, string message)
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);

        using var page = await agent.GetAsync("/gestion/statistiques?" + query);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(message, PreauApp.Parse(html).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        var apiQuery = query.Replace("du=", "from=").Replace("au=", "to=").Replace("ecole=", "schoolId=").Replace("type=", "kind=").Replace("mois=", "month=");
        using var api = await agent.GetAsync("/api/v1/family/statistics?" + apiQuery);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.GetAsync("/gestion/statistiques?handler=Csv&tableau=mois&" + query)).StatusCode);
    }

    [Fact]
    public async Task Api_MoreServicesAndDays_SameFewGroupedQueries()
    {
        var a = await ArrangeAsync();
        var agent = await app.SignInAsync(a.Territory.Agent);
        await ApiAsync(agent, ApiPeriod);
        var before = await CommandsAsync(agent, "/api/v1/family/statistics?" + ApiPeriod);

        var evening = await app.CreateServiceAsync(a.Territory, a.Territory.SchoolB, s => (s.Kind, s.Name, s.BillingUnit) = (ServiceKind.EveningCare, "Accueil du soir", BillingUnit.PerSession));
        var second = await app.CreateServiceAsync(a.Territory, a.Territory.SchoolA, s => s.Name = "Cantine A bis");
        await app.InFamilyDbAsync(a.Territory, async db =>
        {
            foreach (var service in new[] { evening, second })
            {
                for (var day = 2; day <= 20; day++)
                {
                    var d = new ChildDay { ChildId = a.Territory.PupilB.Id, ServiceId = service.Id, Day = new DateOnly(2026, 11, day), HouseholdId = Guid.NewGuid() };
                    d.Book(d.HouseholdId, full: false, late: false, app.Clock.GetUtcNow().UtcDateTime.AddDays(-40));
                    db.ChildDays.Add(d);
                }
            }

            return await db.SaveChangesAsync();
        });
        var after = await CommandsAsync(agent, "/api/v1/family/statistics?" + ApiPeriod);

        Assert.Equal(before.Count, after.Count);
        var childDays = after.Where(c => c.Contains("child_days", StringComparison.Ordinal)).ToList();
        // Per month, per service, per day, and the estimate’s lines (one tariff segment): each a GROUP BY, whatever the number of services and days.
        Assert.Equal(4, childDays.Count);
        Assert.All(childDays, sql => Assert.Contains("GROUP BY", sql, StringComparison.Ordinal));
    }

    private Task<List<string>> CommandsAsync(HttpClient client, string url) => RequestCommands.CaptureAsync(client, url);
}
