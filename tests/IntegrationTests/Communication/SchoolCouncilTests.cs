using Microsoft.EntityFrameworkCore;
using Preau.Communication.SchoolCouncil;
using Preau.Platform.Authorization;

namespace Preau.IntegrationTests.Communication;

/// <summary>School council: members chosen by the head, families' questions before the deadline, minutes approved then published.</summary>
public sealed class SchoolCouncilTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Council_FullCycle_FamiliesAskThenReadPublishedMinutes_OutsidersGet404()
    {
        var t = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(t.HeadA);
        var open = await PreauApp.SubmitFormAsync(head, "/conseil-ecole", [], handler: "Open");
        var councilUrl = open.Headers.Location!.OriginalString;
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(14);
        var planned = await PreauApp.SubmitFormAsync(head, councilUrl, new()
        {
            ["Input.Day"] = day.ToString("yyyy-MM-dd"),
            ["Input.Time"] = "18:00",
            ["Input.Location"] = "Salle polyvalente",
            ["Input.Agenda"] = "Projet d’école\n\nSorties de fin d’année",
        }, handler: "Plan");
        var meetingUrl = planned.Headers.Location!.OriginalString;

        var family = await app.SignInAsync(t.GuardianA);
        Assert.Contains("Projet d’école", await family.GetStringAsync(meetingUrl), StringComparison.Ordinal);
        var asked = await PreauApp.SubmitFormAsync(family, meetingUrl, new() { ["QuestionText"] = "Quand aura lieu la classe verte ?" }, handler: "Ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        foreach (var outsider in new[] { t.GuardianB, t.HeadB, t.TeacherB, t.Agent })
        {
            var client = await app.SignInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(meetingUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(councilUrl)).StatusCode);
        }

        var questionId = await app.InCommunicationAsync(t, db => db.CouncilQuestions.Select(q => q.Id).SingleAsync());
        await PublishingArrange.PostWithTokenAsync(head, meetingUrl, $"{meetingUrl}?handler=AddToAgenda&questionId={questionId}", []);
        var teacher = await app.SignInAsync(t.TeacherA);
        await PreauApp.SubmitFormAsync(teacher, meetingUrl, new() { ["Minutes"] = "Le conseil a voté la classe verte." }, handler: "WriteMinutes");
        Assert.DoesNotContain("voté la classe verte", await family.GetStringAsync(meetingUrl), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PublishingArrange.PostWithTokenAsync(teacher, meetingUrl, $"{meetingUrl}?handler=ApproveMinutes", [])).StatusCode);
        await PreauApp.SubmitFormAsync(head, meetingUrl, [], handler: "ApproveMinutes");
        await PreauApp.SubmitFormAsync(head, meetingUrl, [], handler: "PublishMinutes");
        await app.RunOutboxAsync();

        var seen = await family.GetStringAsync(meetingUrl);
        Assert.Contains("Le conseil a voté la classe verte.", seen, StringComparison.Ordinal);
        Assert.Contains("Quand aura lieu la classe verte ?", seen, StringComparison.Ordinal);
        Assert.Contains(await app.NotificationsOfAsync(t, t.GuardianA.Id), n => n.StartsWith("Compte rendu du conseil d’école publié", StringComparison.Ordinal));
        Assert.DoesNotContain(await app.NotificationsOfAsync(t, t.GuardianB.Id), n => n.StartsWith("Compte rendu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Members_ChosenTownAndInspectorAccounts_SeeTheSpace_FamiliesDoNotSeeDocumentsOrOthersQuestions()
    {
        var t = await app.CreateTerritoryAsync();
        var inspector = await app.AddAccountAsync(t, "inspecteur", Profile.Partner);
        var head = await app.SignInAsync(t.HeadA);
        var councilUrl = (await PreauApp.SubmitFormAsync(head, "/conseil-ecole", [], handler: "Open")).Headers.Location!.OriginalString;
        var agent = await app.SignInAsync(t.Agent);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(councilUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PreauApp.SubmitFormAsync(head, councilUrl, new() { ["Candidate"] = $"{t.Agent.Id}:{CouncilRole.TownRepresentative}" }, handler: "AddMember")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PreauApp.SubmitFormAsync(head, councilUrl, new() { ["Candidate"] = $"{inspector.Id}:{CouncilRole.Inspector}" }, handler: "AddMember")).StatusCode);
        var wrongRole = await PreauApp.SubmitFormAsync(head, councilUrl, new() { ["Candidate"] = $"{t.GuardianB.Id}:{CouncilRole.ParentRepresentative}" }, handler: "AddMember");
        Assert.Contains("ne peut pas siéger", await PublishingArrange.ErrorsOfAsync(wrongRole), StringComparison.Ordinal);

        Assert.Contains("Membres", await agent.GetStringAsync(councilUrl), StringComparison.Ordinal);
        Assert.Contains("Membres", await (await app.SignInAsync(inspector)).GetStringAsync(councilUrl), StringComparison.Ordinal);
        var family = await app.SignInAsync(t.GuardianA);
        var asFamily = await family.GetStringAsync(councilUrl);
        Assert.DoesNotContain("id=\"members-title\"", asFamily, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_AfterTheDeadline_IsRefusedWithAFrenchMessage()
    {
        var t = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(t.HeadA);
        var councilUrl = (await PreauApp.SubmitFormAsync(head, "/conseil-ecole", [], handler: "Open")).Headers.Location!.OriginalString;
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(5);
        var meetingUrl = (await PreauApp.SubmitFormAsync(head, councilUrl, new() { ["Input.Day"] = day.ToString("yyyy-MM-dd"), ["Input.Time"] = "18:00" }, handler: "Plan")).Headers.Location!.OriginalString;
        var family = await app.SignInAsync(t.GuardianA);
        var page = await PreauApp.GetPageAsync(family, meetingUrl);

        app.Clock.Advance(TimeSpan.FromDays(4));
        var late = await PreauApp.PostFormAsync(family, meetingUrl, page.Forms.First(f => (f.GetAttribute("action") ?? string.Empty).Contains("Ask", StringComparison.Ordinal)), new() { ["QuestionText"] = "Trop tard ?" });

        Assert.Contains("La date limite pour poser une question", await PublishingArrange.ErrorsOfAsync(late), StringComparison.Ordinal);
        Assert.Equal(0, await app.InCommunicationAsync(t, db => db.CouncilQuestions.CountAsync()));
    }
}
