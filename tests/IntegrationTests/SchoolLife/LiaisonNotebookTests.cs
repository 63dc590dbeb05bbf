using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Preau.SchoolLife.LiaisonNotebook;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>The liaison notebook over HTTP: who sends to whom, acknowledgements (page and signed link), answers, follow-up, reminders.</summary>
public sealed class LiaisonNotebookTests(PreauApp app) : IClassFixture<PreauApp>
{
    private static Dictionary<string, string> Note(string audience, string title = "Sortie au musée", string answerKind = "YesNo", bool authorization = true) => new()
    {
        ["Input.Audience"] = audience,
        ["Input.Title"] = title,
        ["Input.Body"] = "La classe visitera le musée jeudi.\n\nMerci de signer l’autorisation.",
        ["Input.RequiresAcknowledgement"] = "true",
        ["Input.AnswerKind"] = answerKind,
        ["Input.IsAuthorization"] = authorization ? "true" : "false",
    };

    private async Task<Guid> SendAsync(TestTerritory territory, TestAccount sender, string audience, string answerKind = "YesNo", bool authorization = true)
    {
        var client = await app.SignInAsync(sender);
        var response = await PreauApp.SubmitFormAsync(client, "/carnet/nouveau", Note(audience, answerKind: answerKind, authorization: authorization));
        return SchoolLifeArrange.IdFromLocation(response);
    }

    [Fact]
    public async Task SendNote_TeacherToOwnClass_EveryGuardianNotifiedWithASignedEmailLink()
    {
        var territory = await app.CreateTerritoryAsync();

        var noteId = await SendAsync(territory, territory.TeacherA, $"group:{territory.ClassA}");
        await app.RunOutboxAsync();

        Assert.Contains("Mot du carnet de liaison : Sortie au musée", await app.NotificationsOfAsync(territory, territory.GuardianA));
        Assert.Contains("Mot du carnet de liaison : Sortie au musée", await app.NotificationsOfAsync(territory, territory.GuardianWithoutAuthorityA));
        Assert.Empty(await app.NotificationsOfAsync(territory, territory.GuardianB));
        var mail = Assert.Single(app.MailsTo($"{territory.GuardianA.Login}@test.localhost"));
        Assert.StartsWith("/carnet/accuser-reception?jeton=", SchoolLifeArrange.AcknowledgementLink(mail), StringComparison.Ordinal);
        var recipients = await app.QueryAsync(territory, db => db.NoteRecipients.Where(r => r.NoteId == noteId).Select(r => r.GuardianId).ToListAsync());
        Assert.Equal(3, recipients.Count);
    }

    [Fact]
    public async Task SendNote_OutsideTheSendersClassesOrSchool_Returns404AndSendsNothing()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        foreach (var audience in new[] { $"group:{territory.ClassB}", $"school:{territory.SchoolA}", $"pupil:{territory.PupilB.Id}", $"group:{other.ClassA}", $"pupil:{other.PupilA.Id}" })
        {
            var response = await PreauApp.SubmitFormAsync(teacher, "/carnet/nouveau", Note(audience));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Equal(HttpStatusCode.Forbidden, (await guardian.GetAsync("/carnet/nouveau")).StatusCode);
        Assert.Equal(0, await app.QueryAsync(territory, db => db.LiaisonNotes.CountAsync()));
    }

    [Fact]
    public async Task SendNote_HeadToWholeSchoolAndTeacherToOnePupil_ReachOnlyThoseFamilies()
    {
        var territory = await app.CreateTerritoryAsync();

        await SendAsync(territory, territory.HeadA, $"school:{territory.SchoolA}", "None", authorization: false);
        await SendAsync(territory, territory.TeacherA, $"pupil:{territory.PupilA2.Id}", "None", authorization: false);

        var counts = await app.QueryAsync(territory, db => db.NoteRecipients.GroupBy(r => r.NoteId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([1, 3], counts.Order());
    }

    [Fact]
    public async Task SendNote_HostileOrHugeOrEmptyInput_FrenchMessageAndTitleKept()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var empty = await PreauApp.SubmitFormAsync(teacher, "/carnet/nouveau", new() { ["Input.Audience"] = $"group:{territory.ClassA}", ["Input.Title"] = "Mot vide", ["Input.Body"] = "<script>alert(1)</script>" });
        var emptyPage = PreauApp.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Écrivez le texte du mot.", emptyPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mot vide", emptyPage.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var huge = await PreauApp.SubmitFormAsync(teacher, "/carnet/nouveau", new() { ["Input.Audience"] = $"group:{territory.ClassA}", ["Input.Title"] = "Long", ["Input.Body"] = new string('a', 10 * 1024 * 1024) });
        Assert.True(huge.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"Huge text answered {(int)huge.StatusCode}");
        Assert.Contains("caractères", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var hostile = await PreauApp.SubmitFormAsync(teacher, "/carnet/nouveau", new() { ["Input.Audience"] = $"group:{territory.ClassA}", ["Input.Title"] = "<b>Titre</b>", ["Input.Body"] = "<p onclick=\"x()\">Bonjour</p><script>alert(1)</script><a href=\"javascript:alert(1)\">lien</a>" });
        var noteId = SchoolLifeArrange.IdFromLocation(hostile);
        var body = await app.QueryAsync(territory, db => db.LiaisonNotes.Where(n => n.Id == noteId).Select(n => n.Body).SingleAsync());
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        var page = await teacher.GetStringAsync($"/carnet/{noteId}");
        Assert.Contains("&lt;b&gt;Titre&lt;/b&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_TwoGuardians_BothAcknowledgeOnlyTheOneWithAuthorityAnswers_SenderSeesWho()
    {
        var territory = await app.CreateTerritoryAsync();
        var noteId = await SendAsync(territory, territory.TeacherA, $"group:{territory.ClassA}");
        var mother = await app.SignInAsync(territory.GuardianA);
        var father = await app.SignInAsync(territory.GuardianWithoutAuthorityA);

        Assert.Equal(HttpStatusCode.Redirect, (await SchoolLifeArrange.SubmitHandlerAsync(father, $"/carnet/{noteId}", "Acknowledge", [])).StatusCode);
        var twice = await SchoolLifeArrange.PostWithTokenAsync(father, $"/carnet/{noteId}", $"/carnet/{noteId}/Acknowledge", []);
        Assert.Contains("Vous aviez déjà accusé réception de ce mot.", await father.GetStringAsync(twice.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var fatherAnswer = await SchoolLifeArrange.PostWithTokenAsync(father, $"/carnet/{noteId}", $"/carnet/{noteId}/Answer", new() { ["PupilId"] = territory.PupilA.Id.ToString(), ["Answer"] = "oui" });
        Assert.Contains("Seul un responsable qui exerce l’autorité parentale peut répondre", await fatherAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var answer = await SchoolLifeArrange.SubmitHandlerAsync(mother, $"/carnet/{noteId}", "Answer", new() { ["Answer"] = "oui" });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var rows = await app.QueryAsync(territory, db => db.NoteRecipients.AsNoTracking().Where(r => r.NoteId == noteId && r.PupilId == territory.PupilA.Id).ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.AcknowledgedAt));
        Assert.True(rows.Single(r => r.GuardianId == territory.GuardianA.Id).AnswerYes);
        Assert.Null(rows.Single(r => r.GuardianId == territory.GuardianWithoutAuthorityA.Id).AnsweredAt);

        var teacher = await app.SignInAsync(territory.TeacherA);
        var followUp = PreauApp.Parse(await teacher.GetStringAsync($"/carnet/{noteId}"));
        var family = followUp.QuerySelectorAll(".family").Single(f => f.TextContent.Contains("Paul Élève", StringComparison.Ordinal));
        Assert.Contains("Gaëlle Élève", family.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gilles Élève", family.TextContent, StringComparison.Ordinal);
        Assert.Contains("oui", family.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 famille(s) sur 2 ont répondu.", followUp.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadNote_OtherFamilyOtherSchoolOtherTerritoryOtherProfile_Returns404()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var noteId = await SendAsync(territory, territory.TeacherA, $"group:{territory.ClassA}");

        foreach (var account in new[] { territory.GuardianB, territory.TeacherB, territory.HeadB, territory.PupilA, territory.Agent, other.GuardianA, other.HeadA })
        {
            var client = await app.SignInAsync(account);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/carnet/{noteId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/carnet/{noteId}/attachment")).StatusCode);
        }

        foreach (var account in new[] { territory.HeadA, territory.SchoolLifeA, territory.GuardianA })
        {
            var client = await app.SignInAsync(account);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/carnet/{noteId}")).StatusCode);
        }
    }

    [Fact]
    public async Task AcknowledgeByLink_ValidToken_AcknowledgesThatNoteForThatGuardianOnly()
    {
        var territory = await app.CreateTerritoryAsync();
        var noteId = await SendAsync(territory, territory.TeacherA, $"group:{territory.ClassA}");
        var otherNote = await SendAsync(territory, territory.TeacherA, $"group:{territory.ClassA}");
        await app.RunOutboxAsync();
        var link = SchoolLifeArrange.AcknowledgementLink(app.MailsTo($"{territory.GuardianA.Login}@test.localhost").First());
        var anonymous = app.CreateBrowserClient();

        var page = PreauApp.Parse(await anonymous.GetStringAsync(link));
        Assert.Contains("Je confirme avoir lu ce mot", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(territory, db => db.NoteRecipients.CountAsync(r => r.AcknowledgedAt != null)));

        var token = Uri.UnescapeDataString(link.Split("jeton=")[1]);
        var confirmed = await PreauApp.SubmitFormAsync(anonymous, link, new() { ["jeton"] = token });
        Assert.Contains("votre accusé de réception est enregistré", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await app.CreateBrowserClient().GetStringAsync(link);
        Assert.Contains("Vous aviez déjà accusé réception de ce mot le", again, StringComparison.Ordinal);

        var acknowledged = await app.QueryAsync(territory, db => db.NoteRecipients.Where(r => r.AcknowledgedAt != null).ToListAsync());
        var row = Assert.Single(acknowledged);
        Assert.True(row.AcknowledgedByEmailLink);
        Assert.Equal(territory.GuardianA.Id, row.GuardianId);
        Assert.Contains(row.NoteId, new[] { noteId, otherNote });
    }

    [Fact]
    public async Task AcknowledgeByLink_ForgedTamperedOrExpired_Shows404AndChangesNothing()
    {
        var territory = await app.CreateTerritoryAsync();
        var noteId = await SendAsync(territory, territory.TeacherA, $"group:{territory.ClassA}");
        var token = await app.InTerritoryAsync(territory.Id, sp => Task.FromResult(sp.GetRequiredService<AcknowledgementLinks>().TokenFor(new AcknowledgementGrant(territory.Id, noteId, territory.GuardianA.Id))));
        var anonymous = app.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/carnet/accuser-reception?jeton=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/carnet/accuser-reception?jeton=" + Uri.EscapeDataString(token[..^2] + "xy"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/carnet/accuser-reception")).StatusCode);

        // A link minted 31 days ago has expired (and a link of another purpose never opens: see the unit tests).
        var old = await app.InTerritoryAsync(territory.Id, sp => Task.FromResult(new AcknowledgementLinks(sp.GetRequiredService<IDataProtectionProvider>(), new FakeTimeProvider(app.Clock.GetUtcNow() - AcknowledgementLinks.Lifetime - TimeSpan.FromDays(1)))
            .TokenFor(new AcknowledgementGrant(territory.Id, noteId, territory.GuardianA.Id))));
        var expired = await anonymous.GetAsync("/carnet/accuser-reception?jeton=" + Uri.EscapeDataString(old));
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("Ce lien n’est pas valable ou a expiré.", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/carnet/accuser-reception?jeton=" + Uri.EscapeDataString(token))).StatusCode);

        Assert.Equal(0, await app.QueryAsync(territory, db => db.NoteRecipients.CountAsync(r => r.AcknowledgedAt != null)));
    }

    [Fact]
    public async Task Remind_PendingFamilies_NotifiesOnlyThemOnceAnHour()
    {
        var territory = await app.CreateTerritoryAsync();
        var noteId = await SendAsync(territory, territory.TeacherA, $"group:{territory.ClassA}", "None", authorization: false);
        var mother = await app.SignInAsync(territory.GuardianA);
        await SchoolLifeArrange.SubmitHandlerAsync(mother, $"/carnet/{noteId}", "Acknowledge", []);
        var teacher = await app.SignInAsync(territory.TeacherA);

        var remind = await SchoolLifeArrange.SubmitHandlerAsync(teacher, $"/carnet/{noteId}", "Remind", []);
        Assert.Equal(HttpStatusCode.Redirect, remind.StatusCode);
        await app.RunOutboxAsync();

        Assert.DoesNotContain(await app.NotificationsOfAsync(territory, territory.GuardianA), t => t.StartsWith("Rappel", StringComparison.Ordinal));
        Assert.Contains(await app.NotificationsOfAsync(territory, territory.GuardianWithoutAuthorityA), t => t.StartsWith("Rappel", StringComparison.Ordinal));
        var again = await SchoolLifeArrange.SubmitHandlerAsync(teacher, $"/carnet/{noteId}", "Remind", []);
        Assert.Contains("Un rappel a été envoyé il y a moins d’une heure.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var guardian = await app.SignInAsync(territory.GuardianB);
        Assert.Equal(HttpStatusCode.NotFound, (await SchoolLifeArrange.PostWithTokenAsync(guardian, "/carnet", $"/carnet/{noteId}/Remind", [])).StatusCode);
    }
}
