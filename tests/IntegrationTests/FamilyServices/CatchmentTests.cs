using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Catchment;
using UglyToad.PdfPig;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>Issue #5, item 8: the catchment map, the public address lookup, enrolment requests with derogations, decisions and letters.</summary>
public sealed class CatchmentTests(PreauApp app) : IClassFixture<PreauApp>
{
    private static async Task<HttpResponseMessage> AddRuleAsync(HttpClient agent, Guid school, string street, string parity = "All", string from = "", string to = "", string levels = "Both") =>
        await PreauApp.SubmitFormAsync(agent, "/carte-scolaire", new()
        {
            ["Input.SchoolId"] = school.ToString(), ["Input.Kind"] = "Street", ["Input.Name"] = street, ["Input.Levels"] = levels,
            ["Input.Parity"] = parity, ["Input.FromNumber"] = from, ["Input.ToNumber"] = to,
        }, handler: "Add");

    [Fact]
    public async Task Map_OddAndEvenSidesToTwoSchools_LookupFindsEachAndOverlapIsRefused()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await AddRuleAsync(agent, t.SchoolA, "Avenue Jean-Jaurès", "Odd", "1", "99")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddRuleAsync(agent, t.SchoolB, "avenue jean jaures", "Even")).StatusCode);

        var overlap = await AddRuleAsync(agent, t.SchoolB, "Av. Jean Jaurès", "All", "50", "60");
        Assert.Contains("Ce secteur chevauche une règle existante : Avenue Jean-Jaurès, numéros impairs 1 à 99, est déjà rattaché à École A", await FamilyServicesTestData.ErrorsAsync(overlap), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(t.Id, db => db.CatchmentRules.CountAsync()));

        var anonymous = app.CreateClient();
        var odd = await PreauApp.GetPageAsync(anonymous, $"/sectorisation/{t.Slug}?Input.Number=13+bis&Input.Street=AV.+JEAN+JAURES&Input.Level=Elementaire");
        Assert.Contains("École A", odd.QuerySelector(".catchment-answers")!.TextContent, StringComparison.Ordinal);
        var even = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/territoires/{t.Slug}/sectorisation?voie=avenue%20Jean-Jaur%C3%A8s&numero=14&niveau=maternelle");
        Assert.Equal("École B " + t.Slug, even.GetProperty("schools")[0].GetProperty("name").GetString());
        var outside = await PreauApp.GetPageAsync(anonymous, $"/sectorisation/{t.Slug}?Input.Number=3&Input.Street=rue+inconnue&Input.Level=Elementaire");
        Assert.Contains("n’est rattachée à aucune école", outside.Body!.TextContent, StringComparison.Ordinal);
        using var badNumber = await anonymous.GetAsync($"/api/v1/territoires/{t.Slug}/sectorisation?voie=x&numero=douze");
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        using var unknown = await anonymous.GetAsync("/sectorisation/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Enrolment_WithDerogation_AgentAcceptsLetterInPdfAndHeadAdmits()
    {
        var t = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(t.Agent);
        await AddRuleAsync(agent, t.SchoolA, "Rue des Lilas");
        await FamilyServicesTestData.ClickAsync(agent, "/carte-scolaire/motifs", "Usual", []);
        var reason = await app.WithDbAsync(t.Id, db => db.DerogationReasons.OrderBy(r => r.Position).FirstAsync());
        var guardian = await app.SignInAsync(t.GuardianA);

        var filed = await FamilyServicesTestData.SubmitMultipartAsync(guardian, "/inscription-scolaire/nouvelle", string.Empty, new()
        {
            ["Input.ChildFirstName"] = "Zoé", ["Input.ChildLastName"] = "Élève", ["Input.ChildBirthDate"] = "2021-03-14", ["Input.Grade"] = "MS",
            ["Input.Reason"] = "MovingIn", ["Input.HouseNumber"] = "8", ["Input.Street"] = "rue des lilas", ["Input.PostalCode"] = "95450", ["Input.City"] = "Testville",
            ["Input.RequestedSchoolId"] = t.SchoolB.ToString(), ["Input.DerogationReasonId"] = reason.Id.ToString(), ["Input.DerogationDetails"] = "Sa sœur est en CM1 B.",
        }, new() { ["proofOfAddress"] = ("facture.pdf", FamilyServicesTestData.Pdf), ["familyRecordBook"] = ("livret.pdf", FamilyServicesTestData.Pdf) });
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var requestUrl = filed.Headers.Location!.OriginalString;
        var request = await app.WithDbAsync(t.Id, db => db.EnrolmentRequests.Include(r => r.Documents).SingleAsync());
        Assert.Equal(t.SchoolA, request.AssignedSchoolId);
        Assert.True(request.IsDerogation);
        Assert.Equal(2, request.Documents.Count);

        // Nobody else reads it: another family, a teacher, the head of the requested school before the decision, another territory.
        var other = await app.CreateTerritoryAsync();
        foreach (var account in new[] { t.GuardianB, t.TeacherA, t.HeadB, other.Agent })
        {
            using var response = await (await app.SignInAsync(account)).GetAsync(requestUrl);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{account.Login} got {(int)response.StatusCode}");
        }

        var refusal = await FamilyServicesTestData.ClickAsync(agent, requestUrl, "Refuse", new() { ["Decision.Reason"] = "" });
        Assert.Contains("Un refus est motivé", await FamilyServicesTestData.ErrorsAsync(refusal), StringComparison.Ordinal);
        var accepted = await FamilyServicesTestData.ClickAsync(agent, requestUrl, "Accept", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await app.RunOutboxAsync();

        var letter = await PreauApp.GetPageAsync(guardian, requestUrl + "/courrier");
        Assert.Contains("votre enfant est inscrit(e) à l’école École B", letter.QuerySelector(".letter")!.TextContent, StringComparison.Ordinal);
        using var pdf = await guardian.GetAsync(requestUrl + "/courrier.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.Contains("Certificat d’inscription scolaire", text, StringComparison.Ordinal);
            Assert.Contains(request.Reference, text, StringComparison.Ordinal);
        }

        var head = await app.SignInAsync(t.HeadB);
        var list = await PreauApp.GetPageAsync(head, "/inscription-scolaire/ecole");
        Assert.Contains("Zoé Élève", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var admitted = await FamilyServicesTestData.ClickAsync(head, "/inscription-scolaire/ecole", "Admit", []);
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.NotNull(await app.WithDbAsync(t.Id, db => db.EnrolmentRequests.Select(r => r.AdmittedAt).SingleAsync()));
        var headA = await PreauApp.GetPageAsync(await app.SignInAsync(t.HeadA), "/inscription-scolaire/ecole");
        Assert.DoesNotContain("Zoé", headA.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolment_MissingDocumentsFakePdfOrDerogationWithoutReason_FrenchMessagesAndNothingSaved()
    {
        var t = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(t.GuardianA);
        var fields = new Dictionary<string, string>
        {
            ["Input.ChildFirstName"] = "Zoé", ["Input.ChildLastName"] = "Élève", ["Input.ChildBirthDate"] = "2021-03-14", ["Input.Grade"] = "MS",
            ["Input.HouseNumber"] = "8", ["Input.Street"] = "rue des lilas", ["Input.PostalCode"] = "95450", ["Input.City"] = "Testville",
            ["Input.RequestedSchoolId"] = t.SchoolB.ToString(),
        };

        var response = await FamilyServicesTestData.SubmitMultipartAsync(guardian, "/inscription-scolaire/nouvelle", string.Empty, fields,
            new() { ["proofOfAddress"] = ("facture.pdf", "pas un PDF"u8.ToArray()) });

        var errors = await FamilyServicesTestData.ErrorsAsync(response);
        Assert.Contains("Une demande de dérogation donne un motif de la liste.", errors, StringComparison.Ordinal);
        Assert.Contains("Joignez le livret de famille", errors, StringComparison.Ordinal);
        Assert.Contains("Ce type de fichier n’est pas accepté ici.", errors, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.EnrolmentRequests.CountAsync()));
    }

    [Fact]
    public async Task CatchmentPages_GuardianOrOtherTerritory_CannotEditTheMap()
    {
        var t = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        using var guardian = await (await app.SignInAsync(t.GuardianA)).GetAsync("/carte-scolaire");
        Assert.Equal(HttpStatusCode.Forbidden, guardian.StatusCode);

        var forged = await AddRuleAsync(await app.SignInAsync(other.Agent), t.SchoolA, "Rue volée");
        Assert.Contains("Choisissez une école du territoire.", await FamilyServicesTestData.ErrorsAsync(forged), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(t.Id, db => db.CatchmentRules.CountAsync()));
    }
}
