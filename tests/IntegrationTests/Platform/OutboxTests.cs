using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;
using Preau.Platform.Mail;

namespace Preau.IntegrationTests.Platform;

/// <summary>DESIGN.md: a crash never loses a notification; a rolled-back change never sends one.</summary>
public sealed class OutboxTests(PreauAppWithMail app) : IClassFixture<PreauAppWithMail>
{
    [Fact]
    public async Task Dispatch_AfterTheProcessDiedBetweenCommitAndDispatch_StillDelivers()
    {
        var territory = await app.CreateTerritoryAsync();
        await using (var firstProcess = new PreauApp().SharingDatabaseWith(app))
        {
            await firstProcess.InitializeAsync();
            await PreauApp.SubmitFormAsync(firstProcess.CreateBrowserClient(), "/mot-de-passe-oublie", new() { ["LoginOrEmail"] = territory.HeadB.Login });
            // The process ends here without dispatching: the message waits in the outbox table.
        }

        await app.RunOutboxAsync();

        Assert.Single(await app.Mail!.MailsToAsync($"{territory.HeadB.Login}@test.localhost"));
    }

    [Fact]
    public async Task Dispatch_ChangeRolledBack_SendsNothing()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Publish(new EmailRequested("annule@test.localhost", "Ne doit pas partir", "Annulé"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        await app.RunOutboxAsync();

        Assert.Empty(await app.Mail!.MailsToAsync("annule@test.localhost"));
    }

    [Fact]
    public async Task Dispatch_SmtpDown_RetriesLaterWithoutLosingTheMessage()
    {
        var territory = await app.CreateTerritoryAsync();
        await using var noSmtp = new UnreachableSmtpApp().SharingDatabaseWith(app);
        await noSmtp.InitializeAsync();
        await noSmtp.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            db.Publish(new EmailRequested("retard@test.localhost", "Retardé", "Envoyé après une panne"));
            return await db.SaveChangesAsync();
        });

        await noSmtp.RunOutboxAsync();
        var pending = await noSmtp.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Outbox
            .Where(m => m.ProcessedAt == null).Select(m => new { m.Attempts, m.LastError }).SingleAsync());
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("SendEmailHandler", pending.LastError, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunOutboxAsync();

        Assert.Single(await app.Mail!.MailsToAsync("retard@test.localhost"));
    }

    private sealed class UnreachableSmtpApp : PreauApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Mail:Host"] = "127.0.0.1";
            settings["Mail:Port"] = "9";
            settings["Mail:Security"] = "None";
        }
    }
}
