using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Abuse;
using Preau.Communication.Data;
using Preau.Communication.Messaging;

namespace Preau.IntegrationTests.Communication;

/// <summary>Issue 4, item 1 and 2: messaging through the pages and the API, under the communication rules.</summary>
public sealed class MessagingTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task TeacherWritesToGuardiansOfTheClass_GuardianReadsAndAnswersTheTeacherAlone()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var sent = await PreauApp.SubmitFormAsync(teacher, "/messages/nouveau", new()
        {
            ["Input.Recipients"] = $"class-guardians:{territory.ClassA}",
            ["Input.Subject"] = "Sortie au musée",
            ["Input.Body"] = "Bonjour,\n\nLa classe ira au musée jeudi.",
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var conversation = sent.Headers.Location!.OriginalString;
        await app.RunOutboxAsync();

        var guardian = await app.SignInAsync(territory.GuardianA);
        var inbox = await PreauApp.GetPageAsync(guardian, "/messages");
        Assert.Contains("Sortie au musée", inbox.QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", inbox.QuerySelector("[data-badge=messages]")!.FirstChild!.TextContent);
        var page = await PreauApp.GetPageAsync(guardian, conversation);
        Assert.Contains("La classe ira au musée jeudi.", page.QuerySelector(".message__body")!.TextContent, StringComparison.Ordinal);
        // Recipients of a broadcast see the group, not one another.
        Assert.Contains("Responsables de CM2 A", page.QuerySelector(".card__meta")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Gilles", page.Body!.TextContent, StringComparison.Ordinal);

        var answer = await PreauApp.SubmitFormAsync(guardian, conversation, new() { ["Body"] = "Merci, Paul sera là." });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var privateConversation = answer.Headers.Location!.OriginalString;
        Assert.NotEqual(conversation, privateConversation);

        var teacherInbox = await PreauApp.GetPageAsync(teacher, "/messages");
        Assert.Contains("RE : Sortie au musée", teacherInbox.QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);
        var otherGuardian = await app.SignInAsync(territory.GuardianWithoutAuthorityA);
        Assert.Equal(HttpStatusCode.NotFound, (await otherGuardian.GetAsync(privateConversation)).StatusCode);

        // The teacher sees who read the message to the class (at most 30 people).
        var original = await PreauApp.GetPageAsync(teacher, conversation);
        var receipts = original.QuerySelector(".read-receipts")!.TextContent;
        Assert.Contains("Gaëlle Élève", receipts, StringComparison.Ordinal);
        Assert.Contains("pas encore lu", receipts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_NamesTheLastAuthorAsNamedWhenWriting_WithoutAskingTheDirectory()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var sent = await PreauApp.SubmitFormAsync(teacher, "/messages/nouveau", new()
        {
            ["Input.Recipients"] = $"class-guardians:{territory.ClassA}",
            ["Input.Subject"] = "Piscine",
            ["Input.Body"] = "Bonnet obligatoire.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await app.RunOutboxAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);
        await guardian.GetAsync("/messages");

        // The list reads the name kept on the conversation: no question to the accounts' table.
        var commands = await RequestCommands.CaptureAsync(guardian, "/messages");
        Assert.NotEmpty(commands);
        Assert.DoesNotContain(commands, c => c.Contains("accounts", StringComparison.Ordinal));
        Assert.Contains("Thérèse Enseignante", (await PreauApp.GetPageAsync(guardian, "/messages")).QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);

        // The answer names its author in the teacher's list.
        Assert.Equal(HttpStatusCode.Redirect, (await PreauApp.SubmitFormAsync(guardian, sent.Headers.Location!.OriginalString, new() { ["Body"] = "Bien noté." })).StatusCode);
        Assert.Contains("Gaëlle Élève", (await PreauApp.GetPageAsync(teacher, "/messages")).QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);

        // A conversation written before names were kept asks the directory.
        await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Conversations.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastAuthorName, (string?)null)));
        Assert.Contains("Thérèse Enseignante", (await PreauApp.GetPageAsync(guardian, "/messages")).QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ForgedRecipientOutsideTheRules_IsRefusedAndTheDraftIsKept()
    {
        var territory = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);

        // The teacher of another school's class: not the child's teacher.
        var response = await PreauApp.SubmitFormAsync(guardian, "/messages/nouveau", new()
        {
            ["Input.Recipients"] = $"account:{territory.TeacherB.Id}",
            ["Input.Subject"] = "Question",
            ["Input.Body"] = "Un texte à ne pas perdre.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("ne fait pas partie des personnes à qui vous pouvez écrire", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Un texte à ne pas perdre.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        var drafts = await PreauApp.GetPageAsync(guardian, "/messages/brouillons");
        Assert.Contains("Question", drafts.QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pupil-a", "pupil-b", false)]
    [InlineData("pupil-a", "teacher-b", false)]
    [InlineData("pupil-a", "teacher-a", true)]
    [InlineData("pupil-a", "pupil-a2", false)]
    [InlineData("guardian-a", "teacher-a", true)]
    [InlineData("guardian-a", "head-a", true)]
    [InlineData("guardian-a", "agent", true)]
    [InlineData("guardian-a", "guardian-b", false)]
    [InlineData("guardian-a", "pupil-a2", false)]
    [InlineData("agent", "pupil-a", false)]
    [InlineData("teacher-a", "pupil-a", true)]
    [InlineData("teacher-a", "pupil-b", false)]
    [InlineData("teacher-b", "guardian-a", false)]
    [InlineData("elu", "guardian-a", false)]
    public async Task ApiSend_EachRule_AllowsOrRefuses(string from, string to, bool allowed)
    {
        var territory = await app.CreateTerritoryAsync();
        var accounts = Accounts(territory);
        var client = await app.SignInAsync(accounts[from]);

        var response = await client.PostAsJsonAsync("/api/v1/conversations", new { subject = "Bonjour", body = "<p>Un message</p>", recipients = new[] { $"account:{accounts[to].Id}" } });

        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.BadRequest, response.StatusCode);
        if (!allowed)
        {
            Assert.Contains("ne fait pas partie des personnes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApiSend_PupilToClassmate_AllowedOnlyOnceTheTeacherOpensTheClass()
    {
        var territory = await app.CreateTerritoryAsync();
        var pupil = await app.SignInAsync(territory.PupilA);
        var body = new { subject = "Exposé", body = "On travaille ensemble ?", recipients = new[] { $"account:{territory.PupilA2.Id}" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await pupil.PostAsJsonAsync("/api/v1/conversations", body)).StatusCode);

        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<CommunicationDbContext>();
            db.ClassMessagingOptions.Add(new Preau.Communication.Rules.ClassMessagingOption { ClassGroupId = territory.ClassA, PupilsMayWriteToClass = true, ChangedById = territory.TeacherA.Id });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Created, (await pupil.PostAsJsonAsync("/api/v1/conversations", body)).StatusCode);
    }

    [Fact]
    public async Task ApiConversation_OtherFamilyOtherSchoolOtherTerritory_Answer404()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var created = await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Privé", body = "Pour Gaëlle seulement", recipients = new[] { $"account:{territory.GuardianA.Id}" } });
        var location = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(territory.GuardianA)).GetAsync(location)).StatusCode);
        foreach (var intruder in new[] { territory.GuardianB, territory.HeadB, territory.HeadA, territory.Admin, other.TeacherA })
        {
            var client = await app.SignInAsync(intruder);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(location)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(location + "/messages", new { body = "Intrus" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(location.Replace("/api/v1/conversations", "/messages", StringComparison.Ordinal))).StatusCode);
        }
    }

    [Theory]
    [InlineData("", "texte", "Indiquez l’objet du message.")]
    [InlineData("Objet", "", "Écrivez votre message.")]
    [InlineData("Objet", "<script>alert(1)</script>", "Écrivez votre message.")]
    public async Task ApiSend_BadInput_AnswersFrenchProblemDetails(string subject, string body, string message)
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var response = await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject, body, recipients = new[] { $"account:{territory.GuardianA.Id}" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiSend_HostileAndHugeInput_IsSanitisedOrRefusedWithoutError()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var hostile = await teacher.PostAsJsonAsync("/api/v1/conversations", new
        {
            subject = "'; DROP TABLE messaging_messages; --",
            body = "<p style=\"position:fixed\" onclick=\"x()\">Texte</p><img src=\"https://pisteur.example/p.gif\"><script>alert(1)</script>",
            recipients = new[] { $"account:{territory.GuardianA.Id}", "account:../../etc/passwd", "class-guardians:nope" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);

        var created = await teacher.PostAsJsonAsync("/api/v1/conversations", new
        {
            subject = "'; DROP TABLE messaging_messages; --",
            body = "<p style=\"position:fixed\" onclick=\"x()\">Texte</p><img src=\"https://pisteur.example/p.gif\"><script>alert(1)</script>",
            recipients = new[] { $"account:{territory.GuardianA.Id}" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Messages.Where(m => m.AuthorId == territory.TeacherA.Id).Select(m => m.Body).SingleAsync());
        Assert.Equal("<p>Texte</p>", stored);

        var huge = await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Long", body = new string('a', 10 * 1024 * 1024), recipients = new[] { $"account:{territory.GuardianA.Id}" } });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("trop long", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_InOwnMessages_FindsWithoutAccentsAndNeverOthersMessages()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Piscine", body = "Prévoir le bonnet de bain", recipients = new[] { $"account:{territory.GuardianA.Id}" } });

        var guardian = await app.SignInAsync(territory.GuardianA);
        var found = await PreauApp.GetPageAsync(guardian, "/messages?q=prevoir+bonnet");
        Assert.Contains("Piscine", found.QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);
        var other = await app.SignInAsync(territory.GuardianB);
        var nothing = await PreauApp.GetPageAsync(other, "/messages?q=bonnet");
        Assert.Null(nothing.QuerySelector(".conversation-list"));
    }

    private static Dictionary<string, TestAccount> Accounts(TestTerritory t) => new()
    {
        ["pupil-a"] = t.PupilA, ["pupil-a2"] = t.PupilA2, ["pupil-b"] = t.PupilB, ["teacher-a"] = t.TeacherA, ["teacher-b"] = t.TeacherB,
        ["guardian-a"] = t.GuardianA, ["guardian-b"] = t.GuardianB, ["head-a"] = t.HeadA, ["agent"] = t.Agent, ["elu"] = t.Elected,
    };
}
