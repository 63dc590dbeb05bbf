using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.FamilyServices.Households;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>Issue 5, item 1: households, their contacts, authorized people, health information, documents and history.</summary>
public sealed class HouseholdTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task ProposeHousehold_GuardianAtFirstVisit_CreatesItProposedWithChildAndAddress()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianA);

        var response = await PreauApp.SubmitFormAsync(client, "/famille/foyer/declarer", new()
        {
            ["Input.ChildIds"] = territory.PupilA.Id.ToString(),
            ["Input.Street"] = "3 rue des Écoles",
            ["Input.PostalCode"] = "95450",
            ["Input.City"] = "Valmont",
            ["Input.MobilePhone"] = "0612345678",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var household = await app.InFamilyDbAsync(territory, db => db.Households.Include(h => h.Members).SingleAsync());
        Assert.Equal(HouseholdStatus.Proposed, household.Status);
        Assert.Equal("Foyer Élève", household.Name);
        Assert.Contains(household.Members, m => m.PersonId == territory.PupilA.Id && m.Role == MemberRole.Child);
        Assert.Equal("06 12 34 56 78", household.Members.Single(m => m.PersonId == territory.GuardianA.Id).MobilePhone);
        var page = await PreauApp.GetPageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("3 rue des Écoles", page.QuerySelector("#Input_Street")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ProposeHousehold_ChildOfAnotherFamilyOrBadAddress_IsRefusedWithAFrenchMessage()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianA);

        var response = await PreauApp.SubmitFormAsync(client, "/famille/foyer/declarer", new()
        {
            ["Input.ChildIds"] = territory.PupilB.Id.ToString(),
            ["Input.Street"] = "<script>alert(1)</script>",
            ["Input.PostalCode"] = "9545",
            ["Input.City"] = "Valmont",
        });

        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Les caractères < et > ne sont pas acceptés.", errors, StringComparison.Ordinal);
        Assert.Contains("Le code postal a cinq chiffres", errors, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("#Input_Street")!.GetAttribute("value"));
        Assert.Equal(0, await app.InFamilyDbAsync(territory, db => db.Households.CountAsync()));

        response = await PreauApp.SubmitFormAsync(client, "/famille/foyer/declarer", new() { ["Input.ChildIds"] = territory.PupilB.Id.ToString() });
        Assert.Contains("Choisissez vos enfants dans la liste.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.InFamilyDbAsync(territory, db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task HouseholdPages_AnotherFamilyOrTerritory_AnswerNotFound_OtherProfiles_Forbidden()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var householdId = await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var urls = new[]
        {
            $"/famille/foyer/{householdId}", $"/famille/foyer/{householdId}/personnes-autorisees", $"/famille/foyer/{householdId}/documents",
            $"/famille/foyer/{householdId}/historique", $"/famille/enfant/{territory.PupilA.Id}/sante",
        };

        var owner = await app.SignInAsync(territory.GuardianA);
        var otherFamily = await app.SignInAsync(territory.GuardianB);
        var agentElsewhere = await app.SignInAsync(other.Agent);
        var agent = await app.SignInAsync(territory.Agent);
        var teacher = await app.SignInAsync(territory.TeacherA);
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherFamily.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await agentElsewhere.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task UpdateContacts_Guardian_ChangesOwnPhoneOnly_AndEveryChangeIsInTheHistory()
    {
        var territory = await app.CreateTerritoryAsync();
        var householdId = await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id, territory.GuardianWithoutAuthorityA.Id], [territory.PupilA.Id]);
        var client = await app.SignInAsync(territory.GuardianA);
        var url = $"/famille/foyer/{householdId}";
        var page = await PreauApp.GetPageAsync(client, url);
        var form = page.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Street"));
        var fields = new Dictionary<string, string> { ["Input.Street"] = "12 avenue Jean-Jaurès", ["Input.PostalCode"] = "95450", ["Input.City"] = "Valmont" };
        // The co-guardian's phones are not in the form; a forged field for them is ignored.
        var myIndex = form.Elements.First(e => e.GetAttribute("value") == territory.GuardianA.Id.ToString()).GetAttribute("name")!.Split('[', ']')[1];
        fields[$"Input.Phones[{myIndex}].MobilePhone"] = "07 00 00 00 01";
        fields["Input.Phones[9].PersonId"] = territory.GuardianWithoutAuthorityA.Id.ToString();
        fields["Input.Phones[9].MobilePhone"] = "06 66 66 66 66";

        var response = await PreauApp.PostFormAsync(client, url, form, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var members = await app.InFamilyDbAsync(territory, db => db.HouseholdMembers.Where(m => m.HouseholdId == householdId).ToListAsync());
        Assert.Equal("07 00 00 00 01", members.Single(m => m.PersonId == territory.GuardianA.Id).MobilePhone);
        Assert.Null(members.Single(m => m.PersonId == territory.GuardianWithoutAuthorityA.Id).MobilePhone);
        var history = await PreauApp.GetPageAsync(client, $"/famille/foyer/{householdId}/historique");
        var text = history.QuerySelector("table")!.TextContent;
        Assert.Contains("Adresse modifiée : 12 avenue Jean-Jaurès, 95450 Valmont", text, StringComparison.Ordinal);
        Assert.Contains("Téléphones modifiés", text, StringComparison.Ordinal);
        Assert.Contains("Gaëlle Élève", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateContacts_TenMegabytesOfText_GetsAFrenchMessageAndChangesNothing()
    {
        var territory = await app.CreateTerritoryAsync();
        var householdId = await app.CreateHouseholdAsync(territory, [territory.GuardianA.Id], [territory.PupilA.Id]);
        var client = await app.SignInAsync(territory.GuardianA);

        var response = await PreauApp.SubmitFormAsync(client, $"/famille/foyer/{householdId}", new()
        {
            ["Input.Street"] = new string('a', 10 * 1024 * 1024),
            ["Input.PostalCode"] = "95450",
            ["Input.City"] = "Valmont",
        });

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Ce texte dépasse 200 caractères.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.InFamilyDbAsync(territory, db => db.Households.Where(h => h.Id == householdId).Select(h => h.Street).SingleAsync()));
    }
}
