using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.Communication;

/// <summary>Any module asks for a notification through its outbox; Communication delivers it in-app and by e-mail.</summary>
public sealed class NotificationTests(PreauAppWithMail app) : IClassFixture<PreauAppWithMail>
{
    [Fact]
    public async Task NotificationRequested_ActionRequired_ShowsOnHomeAndArrivesByEmailAtOnce()
    {
        var territory = await app.CreateTerritoryAsync();
        // "Action required" is e-mailed at once by default ("for information" waits for the daily digest).
        await RequestAsync(territory, [territory.GuardianA.Id], "Nouveau devoir en {0}", "mathématiques", NotificationKind.ActionRequired);

        var client = await app.SignInAsync(territory.GuardianA);
        Assert.DoesNotContain("Nouveau devoir", await client.GetStringAsync("/"), StringComparison.Ordinal);
        await app.RunOutboxAsync();

        var home = await PreauApp.GetPageAsync(client, "/");
        Assert.Contains("Nouveau devoir en mathématiques", home.QuerySelector("#notifications-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(await app.Mail!.MailsToAsync($"{territory.GuardianA.Login}@test.localhost"));
        Assert.Equal("Préau : Nouveau devoir en mathématiques", mail.Subject);
        Assert.Contains("http://localhost/cahier", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenNotification_MarksItReadAndFollowsTheLink_ButNotSomeoneElses()
    {
        var territory = await app.CreateTerritoryAsync();
        await RequestAsync(territory, [territory.GuardianA.Id], "Mot à signer", null, NotificationKind.ActionRequired);
        await app.RunOutboxAsync();
        var id = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications
            .Where(n => n.RecipientId == territory.GuardianA.Id).Select(n => n.Id).SingleAsync());

        var other = await app.SignInAsync(territory.GuardianB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/notifications/open?id={id}")).StatusCode);

        var owner = await app.SignInAsync(territory.GuardianA);
        var open = await owner.GetAsync($"/notifications/open?id={id}");
        Assert.Equal("/cahier-de-textes", open.Headers.Location!.OriginalString);
        var list = await PreauApp.GetPageAsync(owner, "/notifications");
        Assert.Empty(list.QuerySelectorAll(".badge--info"));
    }

    [Fact]
    public async Task NotificationRequested_ChangeRolledBack_NotifiesNobody()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Publish(new NotificationRequested([territory.GuardianB.Id], "test", NotificationKind.Information, "Annulé", [], "/"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        await app.RunOutboxAsync();

        var count = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications.CountAsync(n => n.RecipientId == territory.GuardianB.Id));
        Assert.Equal(0, count);
    }

    private Task<int> RequestAsync(TestTerritory territory, Guid[] recipients, string title, string? argument, NotificationKind kind) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            // Any module's context publishes the request in its own transaction; Identity's stands in here.
            var db = sp.GetRequiredService<IdentityDbContext>();
            db.Publish(new NotificationRequested(recipients, "test.category", kind, title, argument is null ? [] : [argument], "/cahier-de-textes"));
            return await db.SaveChangesAsync();
        });
}
