using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Communication.Synthetic;
using Preau.Platform.Demo;
using Preau.Platform.Privacy;

namespace Preau.IntegrationTests.Communication;

/// <summary>Personal data (export, erasure), attachments, labels and archive, the pupils' class option, and the synthetic year.</summary>
public sealed class MessagingDataTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task PersonalData_ExportThenErase_LeavesOthersTheirHistory()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var sent = await (await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Bulletin", body = "Voici le bulletin", recipients = new[] { $"account:{territory.GuardianA.Id}" } })).Content.ReadFromJsonAsync<SentMessage>();
        await app.RunOutboxAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Equal(HttpStatusCode.Created, (await guardian.PostAsJsonAsync($"/api/v1/conversations/{sent!.ConversationId}/messages", new { body = "Merci" })).StatusCode);

        var export = await app.InTerritoryAsync(territory.Id, sp => Source(sp).ExportAsync(territory.GuardianA.Id, CancellationToken.None));
        Assert.Contains("Voici le bulletin", System.Text.Json.JsonSerializer.Serialize(export), StringComparison.Ordinal);

        await app.InTerritoryAsync(territory.Id, async sp => { await Source(sp).EraseAsync(territory.GuardianA.Id, CancellationToken.None); return 0; });

        Assert.Null(await app.InTerritoryAsync(territory.Id, sp => Source(sp).ExportAsync(territory.GuardianA.Id, CancellationToken.None)));
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/messages/{sent.ConversationId}")).StatusCode);
        // Her name no longer stands on the conversation she answered last.
        Assert.Null(await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Conversations
            .Where(c => c.Id == sent.ConversationId).Select(c => c.LastAuthorName).SingleAsync()));
    }

    [Fact]
    public async Task Attachment_ServedToMembersOnly_AndRefusedWhenNotAKnownType()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var compose = await PreauApp.GetPageAsync(teacher, "/messages/nouveau");
        var token = compose.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var refused = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Objet"), "Input.Subject" }, { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03]), "file", "programme.exe" } };
        var refusedPage = PreauApp.Parse(await (await teacher.PostAsync("/messages/nouveau?handler=Attach", refused)).Content.ReadAsStringAsync());
        Assert.Contains("Ce type de fichier n’est pas accepté ici.", refusedPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        using var pdf = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Objet"), "Input.Subject" }, { new ByteArrayContent("%PDF-1.4 test"u8.ToArray()), "file", "menu.pdf" } };
        var attached = await teacher.PostAsync("/messages/nouveau?handler=Attach", pdf);
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var draftUrl = attached.Headers.Location!.OriginalString;
        var sent = await PreauApp.SubmitFormAsync(teacher, draftUrl, new() { ["Input.Recipients"] = $"account:{territory.GuardianA.Id}", ["Input.Subject"] = "Menu", ["Input.Body"] = "Ci-joint le menu." });
        var conversation = sent.Headers.Location!.OriginalString;
        var page = await PreauApp.GetPageAsync(teacher, conversation);
        var link = page.QuerySelector(".message__attachments a")!.GetAttribute("href")!;

        var guardian = await app.SignInAsync(territory.GuardianA);
        var download = await guardian.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.GuardianB)).GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task ArchiveAndLabel_MoveTheConversation_AndANewMessageBringsItBack()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var sent = await (await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Cantine", body = "Menu de la semaine", recipients = new[] { $"account:{territory.GuardianA.Id}" } })).Content.ReadFromJsonAsync<SentMessage>();
        var guardian = await app.SignInAsync(territory.GuardianA);
        var url = $"/messages/{sent!.ConversationId}";

        await PreauApp.SubmitFormAsync(guardian, url, new() { ["label"] = "Repas" }, handler: "Label");
        await PreauApp.SubmitFormAsync(guardian, url, new() { ["archive"] = "true" }, handler: "Folder");
        Assert.Contains("Cantine", (await PreauApp.GetPageAsync(guardian, "/messages?dossier=archives")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Null((await PreauApp.GetPageAsync(guardian, "/messages")).QuerySelector(".conversation-list"));
        var labelLink = (await PreauApp.GetPageAsync(guardian, "/messages")).QuerySelectorAll(".tabs a").Single(a => a.TextContent == "Repas").GetAttribute("href")!;
        Assert.Contains("Cantine", (await PreauApp.GetPageAsync(guardian, labelLink)).QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);

        await teacher.PostAsJsonAsync($"/api/v1/conversations/{sent.ConversationId}/messages", new { body = "Correction du menu" });
        Assert.Contains("Cantine", (await PreauApp.GetPageAsync(guardian, "/messages")).QuerySelector(".conversation-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassOption_OnlyTheTeacherOfTheClassOpensIt()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacherB = await app.SignInAsync(territory.TeacherB);
        var page = await PreauApp.GetPageAsync(teacherB, "/messages/classes");
        var form = page.Forms.First(f => f.QuerySelector("input[name=classId]") is not null);
        var forged = await PreauApp.PostFormAsync(teacherB, "/messages/classes", form, new() { ["classId"] = territory.ClassA.ToString(), ["open"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.GuardianA)).GetAsync("/messages/classes")).StatusCode);

        var teacherA = await app.SignInAsync(territory.TeacherA);
        var opened = await PreauApp.SubmitFormAsync(teacherA, "/messages/classes", new() { ["classId"] = territory.ClassA.ToString(), ["open"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var pupil = await app.SignInAsync(territory.PupilA);
        Assert.Equal(HttpStatusCode.Created, (await pupil.PostAsJsonAsync("/api/v1/conversations", new { subject = "Exposé", body = "Ensemble ?", recipients = new[] { $"account:{territory.PupilA2.Id}" } })).StatusCode);
    }

    [Fact]
    public async Task ReplyAll_InADirectConversation_IsLimitedByTheRules()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);
        var sent = await (await head.PostAsJsonAsync("/api/v1/conversations", new { subject = "Rendez-vous", body = "Jeudi 17 h ?", recipients = new[] { $"account:{territory.GuardianA.Id}", $"account:{territory.TeacherA.Id}", $"account:{territory.Agent.Id}" } })).Content.ReadFromJsonAsync<SentMessage>();

        // A guardian may not write to the agent's… yes they may (the town), but the teacher: only as the child's teacher. Both allowed:
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Equal(HttpStatusCode.Created, (await guardian.PostAsJsonAsync($"/api/v1/conversations/{sent!.ConversationId}/messages", new { body = "D’accord", toAll = true })).StatusCode);

        // The agent may not write to… everyone adult: allowed. A pupil added by the head makes it refused for the guardian.
        var withPupil = await (await head.PostAsJsonAsync("/api/v1/conversations", new { subject = "Conseil des élèves", body = "Réunion", recipients = new[] { $"account:{territory.GuardianA.Id}", $"account:{territory.PupilA2.Id}" } })).Content.ReadFromJsonAsync<SentMessage>();
        var refused = await guardian.PostAsJsonAsync($"/api/v1/conversations/{withPupil!.ConversationId}/messages", new { body = "Moi aussi", toAll = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("répondre à tous", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var privately = await guardian.PostAsJsonAsync($"/api/v1/conversations/{withPupil.ConversationId}/messages", new { body = "À vous seul", toAll = false });
        Assert.Equal(HttpStatusCode.Created, privately.StatusCode);
    }

    [Fact]
    public async Task SyntheticYear_GivesTheHeavyGuardianTwoThousandConversations_AndTheInboxStaysPaged()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            await sp.GetServices<ISyntheticData>().OfType<MessagingSyntheticData>().Single().GenerateAsync(new SyntheticScale(2, 3, 4), CancellationToken.None);
            return 0;
        });

        var lastFullPage = MessagingSyntheticData.HeavyInboxConversations / Mailbox.PageSize;
        var inbox = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<Mailbox>().ListAsync(territory.GuardianA.Id, MailboxView.Inbox, null, null, lastFullPage, CancellationToken.None));
        Assert.Equal(Mailbox.PageSize, inbox.Items.Count);
        Assert.Equal(lastFullPage, inbox.Page);
        var guardian = await app.SignInAsync(territory.GuardianA);
        var page = await PreauApp.GetPageAsync(guardian, "/messages?page=40");
        Assert.Equal(Mailbox.PageSize, page.QuerySelectorAll(".conversation-list__item").Length);
        Assert.Equal("40", page.QuerySelector(".pagination [aria-current=page]")?.TextContent);
        Assert.Contains(page.QuerySelectorAll(".pagination a"), a => a.TextContent == "Suivante" && a.GetAttribute("href") == "/messages?page=41");
    }

    [Fact]
    public async Task Inbox_PagePastTheEnd_OrForged_ShowsTheFirstPage_AndNoNextPage()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        for (var i = 0; i < 2; i++)
        {
            var sent = await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = $"Sortie {i}", body = "Bonjour", recipients = new[] { $"account:{territory.GuardianA.Id}" } });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        await app.RunOutboxAsync();

        var guardian = await app.SignInAsync(territory.GuardianA);
        var page = await PreauApp.GetPageAsync(guardian, "/messages?page=9");

        Assert.Equal(2, page.QuerySelectorAll(".conversation-list__item").Length);
        Assert.Null(page.QuerySelector(".pagination"));
        var api = await guardian.GetFromJsonAsync<JsonElement>("/api/v1/conversations?page=2147483647");
        Assert.Equal(1, api.GetProperty("page").GetInt32());
        Assert.False(api.GetProperty("hasNextPage").GetBoolean());
    }

    private static IPersonalDataSource Source(IServiceProvider services) =>
        services.GetServices<IPersonalDataSource>().Single(s => s.Module == CommunicationDbContext.Module);
}
