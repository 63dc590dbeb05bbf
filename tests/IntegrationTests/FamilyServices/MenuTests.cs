using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Menus;
using Preau.FamilyServices.Reservations;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>Issue #5, item 7: menus with structured allergens, published to families, served as JSON; the canteen's allergy flags.</summary>
public sealed class MenuTests(PreauApp app) : IClassFixture<PreauApp>
{
    private static async Task<Guid> CreateMenuAsync(HttpClient agent, Guid school, string week = "2026-11-23")
    {
        var created = await PreauApp.SubmitFormAsync(agent, "/menus/gestion", new() { ["Input.Week"] = week, ["Input.Kitchen"] = "Cuisine centrale", ["Input.Schools"] = school.ToString() });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> SaveMondayAsync(HttpClient agent, Guid menu, Dictionary<string, string>? overrides = null)
    {
        var page = await PreauApp.GetPageAsync(agent, $"/menus/gestion/{menu}/2026-11-23");
        var form = page.Forms.Single(f => f.Method == "post" && f.QuerySelector("[name='Dishes[0].Name']") is not null);
        var values = new List<KeyValuePair<string, string>>
        {
            new("Stamp", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("[name=Stamp]")!).Value),
            new("__RequestVerificationToken", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("[name=__RequestVerificationToken]")!).Value),
            new("Dishes[0].Course", "Starter"), new("Dishes[0].Name", "Carottes râpées"), new("Dishes[0].Labels", "bio"),
            new("Dishes[1].Course", "Main"), new("Dishes[1].Name", "Gratin de pâtes"), new("Dishes[1].Allergens", "gluten"), new("Dishes[1].Allergens", "lait"), new("Dishes[1].Allergens", "oeufs"),
            new("Dishes[2].Course", "Dessert"), new("Dishes[2].Name", "Pomme"), new("Dishes[2].Labels", "local"),
        };
        foreach (var (key, value) in overrides ?? [])
        {
            values.Add(new(key, value));
        }

        return await agent.PostAsync($"/menus/gestion/{menu}/2026-11-23", new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task PublishWeek_GuardianSeesTodaysMenuWithAllergensAndTheApiServesIt()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        var menu = await CreateMenuAsync(agent, t.SchoolA);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveMondayAsync(agent, menu)).StatusCode);
        var guardian = await app.SignInAsync(t.GuardianA);

        // A draft is seen by nobody outside the town's pages.
        var home = await PreauApp.GetPageAsync(guardian, "/");
        Assert.DoesNotContain("Gratin de pâtes", home.Body!.TextContent, StringComparison.Ordinal);
        using (var draft = await app.CreateClient().GetAsync($"/api/v1/territoires/{t.Slug}/menus?school={t.SchoolA}&week=2026-11-23"))
        {
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
            Assert.Equal("application/problem+json", draft.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await FamilyServicesTestData.ClickAsync(agent, $"/menus/gestion/{menu}", "Publish", [])).StatusCode);

        home = await PreauApp.GetPageAsync(guardian, "/");
        var section = home.QuerySelector(".menu-home")!.TextContent;
        Assert.Contains("Gratin de pâtes", section, StringComparison.Ordinal);
        Assert.Contains("Gluten, Œufs, Lait", section, StringComparison.Ordinal);
        var week = await PreauApp.GetPageAsync(guardian, "/menus");
        Assert.Contains("Carottes râpées", week.QuerySelector(".menu-week")!.TextContent, StringComparison.Ordinal);

        var json = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/territoires/{t.Slug}/menus?school={t.SchoolA}&week=2026-W48");
        var monday = json.GetProperty("days")[0];
        Assert.Equal("2026-11-23", monday.GetProperty("date").GetString());
        var main = monday.GetProperty("dishes").EnumerateArray().Single(d => d.GetProperty("course").GetString() == "plat");
        Assert.Equal(["gluten", "oeufs", "lait"], main.GetProperty("allergens").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("Dishes[3].Allergens", "chocolat", "allergène inconnu « chocolat »")]
    [InlineData("Dishes[3].Name", "<script>alert(1)</script>", "ne peut pas contenir les caractères < et >")]
    public async Task SaveDay_UnknownAllergenOrScript_FrenchMessageAndNothingSaved(string field, string value, string message)
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        var menu = await CreateMenuAsync(agent, t.SchoolA);

        var response = await SaveMondayAsync(agent, menu, new() { ["Dishes[3].Course"] = "Dairy", ["Dishes[3].Name"] = field.EndsWith("Name", StringComparison.Ordinal) ? value : "Yaourt", [field] = value });

        Assert.Contains(message, await FamilyServicesTestData.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.MenuDishes.CountAsync(d => d.MenuWeekId == menu)));
    }

    [Fact]
    public async Task Publish_SchoolAlreadyServedThatWeek_IsRefused()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        var first = await CreateMenuAsync(agent, t.SchoolA);
        await SaveMondayAsync(agent, first);
        await FamilyServicesTestData.ClickAsync(agent, $"/menus/gestion/{first}", "Publish", []);
        var second = await CreateMenuAsync(agent, t.SchoolA);
        await SaveMondayAsync(agent, second);

        var response = await FamilyServicesTestData.ClickAsync(agent, $"/menus/gestion/{second}", "Publish", []);

        Assert.Contains("a déjà un menu publié cette semaine", await FamilyServicesTestData.ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CanteenList_BookedChildAllergicToMilk_IsFlaggedOnTheGratinOnlyForStaffOfTheSchool()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        var menu = await CreateMenuAsync(agent, t.SchoolA);
        await SaveMondayAsync(agent, menu);
        await FamilyServicesTestData.ClickAsync(agent, $"/menus/gestion/{menu}", "Publish", []);
        // The roster is the reservations of the day and the children's medical information: Paul (milk) and
        // Pauline (fish) are booked on Monday; the other family's child (milk, PAI) is registered but not booked.
        var canteen = await app.CreateServiceAsync(t, t.SchoolA);
        var household = await app.CreateHouseholdAsync(t, [t.GuardianA.Id], [t.PupilA.Id, t.PupilA2.Id]);
        var other = (await app.CreateFamiliesAsync(t, 1))[0];
        foreach (var (child, home) in new[] { (t.PupilA.Id, household), (t.PupilA2.Id, household), (other.ChildId, other.HouseholdId) })
        {
            await app.RegisterAsync(t, child, canteen.Id, home);
        }

        var monday = new DateOnly(2026, 11, 23);
        await app.InFamilyDbAsync(t, async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var child in new[] { t.PupilA.Id, t.PupilA2.Id })
            {
                var day = new ChildDay { ChildId = child, ServiceId = canteen.Id, Day = monday, HouseholdId = household };
                day.Book(household, full: false, late: false, now.AddDays(-7));
                db.ChildDays.Add(day);
            }

            db.MedicalInfo.AddRange(
                new ChildMedicalInfo { ChildId = t.PupilA.Id, Allergens = Allergen.Milk, UpdatedAt = now },
                new ChildMedicalInfo { ChildId = t.PupilA2.Id, Allergens = Allergen.Fish, UpdatedAt = now },
                new ChildMedicalInfo { ChildId = other.ChildId, Allergens = Allergen.Milk, HasIndividualCarePlan = true, UpdatedAt = now });
            return await db.SaveChangesAsync();
        });

        var page = await PreauApp.GetPageAsync(await app.SignInAsync(t.AfterSchoolA), "/menus/cantine?jour=2026-11-23");

        var flags = page.QuerySelector(".canteen-flags")!.TextContent;
        Assert.Contains("Paul Élève", flags, StringComparison.Ordinal);
        Assert.Contains("Gratin de pâtes : Lait", flags, StringComparison.Ordinal);
        Assert.DoesNotContain("Pauline", flags, StringComparison.Ordinal);
        Assert.DoesNotContain("Enfant Famille", flags, StringComparison.Ordinal);

        using var otherSchool = await (await app.SignInAsync(t.AfterSchoolA)).GetAsync($"/menus/cantine?ecole={t.SchoolB}");
        Assert.Equal(HttpStatusCode.NotFound, otherSchool.StatusCode);
        using var guardian = await (await app.SignInAsync(t.GuardianA)).GetAsync("/menus/cantine");
        Assert.Equal(HttpStatusCode.Forbidden, guardian.StatusCode);
    }

    [Fact]
    public async Task MenuApi_UnknownTerritorySchoolOrWeekAndAnotherTerritorysUser_AnswerProblemDetails()
    {
        var t = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var anonymous = app.CreateClient();

        using var unknownTerritory = await anonymous.GetAsync($"/api/v1/territoires/nulle-part/menus?school={t.SchoolA}");
        using var unknownSchool = await anonymous.GetAsync($"/api/v1/territoires/{t.Slug}/menus?school=0000000Z");
        using var schoolOfAnother = await anonymous.GetAsync($"/api/v1/territoires/{t.Slug}/menus?school={other.SchoolA}");
        using var badWeek = await anonymous.GetAsync($"/api/v1/territoires/{t.Slug}/menus?school={t.SchoolA}&week=hier");
        using var crossTerritory = await (await app.SignInAsync(other.GuardianA)).GetAsync($"/api/v1/territoires/{t.Slug}/menus?school={t.SchoolA}");

        Assert.Equal(HttpStatusCode.NotFound, unknownTerritory.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownSchool.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, schoolOfAnother.StatusCode);
        Assert.True(badWeek.StatusCode == HttpStatusCode.BadRequest, await badWeek.Content.ReadAsStringAsync());
        Assert.Contains("semaine ISO", (await badWeek.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, crossTerritory.StatusCode);
    }

    [Fact]
    public async Task MenuPages_OtherTerritorysAgentOrAGuardian_CannotManage()
    {
        var t = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var menu = await CreateMenuAsync(await app.SignInAsync(t.Agent), t.SchoolA);

        using var otherAgent = await (await app.SignInAsync(other.Agent)).GetAsync($"/menus/gestion/{menu}");
        using var guardian = await (await app.SignInAsync(t.GuardianA)).GetAsync($"/menus/gestion/{menu}");
        var forged = await PreauApp.SubmitFormAsync(await app.SignInAsync(other.Agent), "/menus/gestion", new() { ["Input.Week"] = "2026-11-23", ["Input.Kitchen"] = "X", ["Input.Schools"] = t.SchoolA.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, otherAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, guardian.StatusCode);
        Assert.Contains("Une des écoles choisies n’existe pas.", await FamilyServicesTestData.ErrorsAsync(forged), StringComparison.Ordinal);
    }
}
