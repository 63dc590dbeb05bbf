using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Abuse;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Communication.Rules;

namespace Preau.IntegrationTests.Communication;

/// <summary>Issue 4, items 2, 6 and 7: reports, quiet hours, quotas, mass-sending review, recall, suspension.</summary>
public sealed class MessagingSafetyTests(PreauAppWithMail app) : IClassFixture<PreauAppWithMail>
{
    private static object Message(Guid to, string subject = "Bonjour", bool urgent = false) =>
        new { subject, body = "<p>Texte du message</p>", recipients = new[] { $"account:{to}" }, urgent };

    [Fact]
    public async Task Recall_NobodyReadIt_RemovesTheMessageAndItsNotification_ButNotOnceRead()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var sent = await (await teacher.PostAsJsonAsync("/api/v1/conversations", Message(territory.GuardianA.Id, "Erreur"))).Content.ReadFromJsonAsync<SentMessage>();
        await app.RunOutboxAsync();

        var recalled = await PreauApp.SubmitFormAsync(teacher, $"/messages/{sent!.ConversationId}", new() { ["messageId"] = sent.MessageId.ToString() }, handler: "Recall");
        Assert.Equal(HttpStatusCode.Redirect, recalled.StatusCode);

        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/messages/{sent.ConversationId}")).StatusCode);
        Assert.DoesNotContain("Erreur", await guardian.GetStringAsync("/notifications"), StringComparison.Ordinal);

        var second = await (await teacher.PostAsJsonAsync("/api/v1/conversations", Message(territory.GuardianA.Id, "Lu"))).Content.ReadFromJsonAsync<SentMessage>();
        await guardian.GetAsync($"/messages/{second!.ConversationId}");
        var error = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<Moderation>().RecallAsync(territory.TeacherA.Id, second.MessageId, CancellationToken.None));
        Assert.Equal("Ce message a déjà été lu : il ne peut plus être rappelé.", error);
    }

    [Fact]
    public async Task MassSending_FromAnAccountThatNeverDid_IsHeldUntilTheHeadReleasesIt()
    {
        var territory = await app.CreateTerritoryAsync();
        await SetSettingsAsync(territory, s => s.MassSendingThreshold = 1);
        var teacher = await app.SignInAsync(territory.TeacherA);

        var response = await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Grève", body = "Pas d’école demain", recipients = new[] { $"class-guardians:{territory.ClassA}" } });
        var sent = await response.Content.ReadFromJsonAsync<SentMessage>();
        Assert.True(sent!.Status == "HeldForReview", $"{sent.Status} to {sent.RecipientCount}");
        await app.RunOutboxAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/messages/{sent.ConversationId}")).StatusCode);

        var otherHead = await app.SignInAsync(territory.HeadB);
        Assert.DoesNotContain("Grève", await otherHead.GetStringAsync("/messages/moderation"), StringComparison.Ordinal);
        var head = await app.SignInAsync(territory.HeadA);
        var desk = await PreauApp.GetPageAsync(head, "/messages/moderation");
        Assert.Contains("Grève", desk.QuerySelector("#held-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        // The second factor for all staff is the territory administrator's setting: no link a head would find refused.
        Assert.Null(desk.QuerySelector("a[href='/administration/territoire']"));
        Assert.NotNull((await PreauApp.GetPageAsync(await app.SignInAsync(territory.Admin), "/messages/moderation")).QuerySelector("a[href='/administration/territoire']"));
        var reviewedByOtherHead = await app.InTerritoryAsync(territory.Id, async sp =>
            await sp.GetRequiredService<Moderation>().ReviewAsync(await PrincipalAsync(sp, territory.HeadB), sent.MessageId, release: true, CancellationToken.None));
        Assert.False(reviewedByOtherHead);
        var released = await PreauApp.SubmitFormAsync(head, "/messages/moderation", new() { ["messageId"] = sent.MessageId.ToString(), ["release"] = "true" }, handler: "Review");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        await app.RunOutboxAsync();

        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync($"/messages/{sent.ConversationId}")).StatusCode);
        var log = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().SafetyLog.Select(l => l.Action).ToListAsync());
        Assert.Contains(SafetyAction.MessageHeld, log);
        Assert.Contains(SafetyAction.MessageReleased, log);
    }

    [Fact]
    public async Task Suspension_ByTheHead_StopsSendingAtOnce_AndOnlyTheHeadOfTheSchoolCanDoIt()
    {
        var territory = await app.CreateTerritoryAsync();
        var moderation = (Func<TestAccount, bool, Task<string?>>)((actor, suspend) => app.InTerritoryAsync(territory.Id, async sp =>
        {
            var user = await PrincipalAsync(sp, actor);
            return await sp.GetRequiredService<Moderation>().SetSuspensionAsync(user, territory.GuardianA.Id, suspend, "Compte piraté", CancellationToken.None);
        }));

        Assert.Equal("Compte introuvable.", await moderation(territory.HeadB, true));
        Assert.Null(await moderation(territory.HeadA, true));
        var guardian = await app.SignInAsync(territory.GuardianA);
        var refused = await guardian.PostAsJsonAsync("/api/v1/conversations", Message(territory.TeacherA.Id));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("suspendu", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Null(await moderation(territory.Admin, false));
        Assert.Equal(HttpStatusCode.Created, (await guardian.PostAsJsonAsync("/api/v1/conversations", Message(territory.TeacherA.Id))).StatusCode);
    }

    [Fact]
    public async Task Quota_PerProfileAndHour_RefusesBeyondAndAllowsAgainAnHourLater()
    {
        var territory = await app.CreateTerritoryAsync();
        await SetSettingsAsync(territory, s => s.SetQuotas(new Dictionary<Preau.Platform.Authorization.Profile, int> { [Preau.Platform.Authorization.Profile.Guardian] = 2 }));
        var guardian = await app.SignInAsync(territory.GuardianA);

        Assert.Equal(HttpStatusCode.Created, (await guardian.PostAsJsonAsync("/api/v1/conversations", Message(territory.TeacherA.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await guardian.PostAsJsonAsync("/api/v1/conversations", Message(territory.HeadA.Id))).StatusCode);
        var third = await guardian.PostAsJsonAsync("/api/v1/conversations", Message(territory.TeacherA.Id));
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Contains("limite de 2 messages par heure", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Created, (await guardian.PostAsJsonAsync("/api/v1/conversations", Message(territory.TeacherA.Id))).StatusCode);
    }

    [Fact]
    public async Task Report_ReachesTheHead_WhoMayThenReadTheConversationOfAPupil_AndOnlyThen()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var sent = await (await teacher.PostAsJsonAsync("/api/v1/conversations", Message(territory.PupilA.Id, "Devoirs"))).Content.ReadFromJsonAsync<SentMessage>();
        var head = await app.SignInAsync(territory.HeadA);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/messages/{sent!.ConversationId}")).StatusCode);

        var pupil = await app.SignInAsync(territory.PupilA);
        var reported = await PreauApp.SubmitFormAsync(pupil, $"/messages/{sent.ConversationId}", new() { ["messageId"] = sent.MessageId.ToString(), ["reason"] = "Ce message me met mal à l’aise." }, handler: "Report");
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        await app.RunOutboxAsync();

        var desk = await PreauApp.GetPageAsync(head, "/messages/moderation");
        Assert.Contains("Ce message me met mal à l’aise.", desk.QuerySelector("#reports-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var read = await PreauApp.GetPageAsync(head, $"/messages/{sent.ConversationId}");
        Assert.Contains("Texte du message", read.QuerySelector(".message__body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.HeadB)).GetAsync($"/messages/{sent.ConversationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.SchoolLifeA)).GetAsync($"/messages/{sent.ConversationId}")).StatusCode);
    }

    [Fact]
    public async Task QuietHours_MessageAtNine_pm_IsInTheInboxAtOnce_AndItsEmailLeavesAtSeven_UnlessUrgentFromTheHead()
    {
        var territory = await app.CreateTerritoryAsync();
        await SetPreferenceAsync(territory, territory.GuardianA.Id);
        await SetPreferenceAsync(territory, territory.GuardianB.Id);
        // Tuesday 21:00 in Paris. The clock only moves forward; the other tests of this class use relative times.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero));
        var teacher = await app.SignInAsync(territory.TeacherA);
        var sent = await teacher.PostAsJsonAsync("/api/v1/conversations", Message(territory.GuardianA.Id, "Soirée"));
        var body = await sent.Content.ReadFromJsonAsync<SentMessage>();
        Assert.Equal(new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc), body!.NoticesAt);
        await app.RunOutboxAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Contains("Soirée", await guardian.GetStringAsync("/messages"), StringComparison.Ordinal);
        Assert.Empty(await app.Mail!.MailsToAsync($"{territory.GuardianA.Login}@test.localhost"));

        var headB = await app.SignInAsync(territory.HeadB);
        var urgent = await headB.PostAsJsonAsync("/api/v1/conversations", Message(territory.GuardianB.Id, "Fermeture de l’école demain", urgent: true));
        Assert.Equal(HttpStatusCode.Created, urgent.StatusCode);
        await app.RunOutboxAsync();
        Assert.Single(await app.Mail!.MailsToAsync($"{territory.GuardianB.Login}@test.localhost"));
        var log = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().SafetyLog.CountAsync(l => l.Action == SafetyAction.UrgentMessageSent));
        Assert.Equal(1, log);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        await app.RunOutboxAsync();
        var mail = Assert.Single(await app.Mail!.MailsToAsync($"{territory.GuardianA.Login}@test.localhost"));
        Assert.Contains("Soirée", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urgent_FromATeacher_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var response = await teacher.PostAsJsonAsync("/api/v1/conversations", Message(territory.GuardianA.Id, urgent: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Seule la direction", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ProcessDiesBetweenCommitAndDispatch_TheNotificationIsStillDelivered()
    {
        var territory = await app.CreateTerritoryAsync();
        await SetPreferenceAsync(territory, territory.GuardianA.Id);
        await using (var firstProcess = new PreauApp().SharingDatabaseWith(app))
        {
            await firstProcess.InitializeAsync();
            var teacher = await firstProcess.SignInAsync(territory.TeacherA);
            Assert.Equal(HttpStatusCode.Created, (await teacher.PostAsJsonAsync("/api/v1/conversations", Message(territory.GuardianA.Id, "Avant la panne"))).StatusCode);
            // The process ends here: the notification request waits in the outbox table.
        }

        await app.RunOutboxAsync();

        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Contains("Avant la panne", await guardian.GetStringAsync("/notifications"), StringComparison.Ordinal);
        Assert.Single(await app.Mail!.MailsToAsync($"{territory.GuardianA.Login}@test.localhost"));
    }

    [Fact]
    public async Task Send_TransactionRolledBack_NotifiesNobody()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<CommunicationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var send = sp.GetRequiredService<SendMessage>();
            await send.StartAsync(territory.TeacherA.Id, new NewMessage("Annulé", "<p>Jamais</p>", [RecipientToken.Account(territory.GuardianA.Id)]), CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });

        await app.RunOutboxAsync();

        var count = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications.CountAsync(n => n.RecipientId == territory.GuardianA.Id));
        Assert.Equal(0, count);
    }

    private Task<int> SetSettingsAsync(TestTerritory territory, Action<CommunicationSettings> change) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<CommunicationDbContext>();
            var settings = CommunicationSettings.Defaults(territory.Id);
            change(settings);
            db.CommunicationSettings.Add(settings);
            return await db.SaveChangesAsync();
        });

    /// <summary>E-mail at once for information too (the default is the daily digest).</summary>
    private Task<int> SetPreferenceAsync(TestTerritory territory, Guid accountId) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<CommunicationDbContext>();
            db.NotificationPreferences.Add(new Preau.Communication.Notifications.NotificationPreference { AccountId = accountId, Kind = Preau.Communication.Contracts.NotificationKind.Information, Email = Preau.Communication.Notifications.EmailMode.Immediate });
            return await db.SaveChangesAsync();
        });

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceProvider services, TestAccount account)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Preau.Identity.Accounts.Account>>();
        var factory = services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Preau.Identity.Accounts.Account>>();
        return await factory.CreateAsync((await users.FindByIdAsync(account.Id.ToString()))!);
    }
}
