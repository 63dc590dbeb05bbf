using System.Net.Http.Json;
using System.Security.Cryptography;
using Lib.Net.Http.WebPush;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Communication.Notifications;

namespace Preau.IntegrationTests.Communication;

/// <summary>Issue 3, item 7: daily digest, Web Push (devices forgotten on 410), classes of notification, and the badge API.</summary>
public sealed class NotificationDeliveryTests(NotificationDeliveryTests.PushApp app) : IClassFixture<NotificationDeliveryTests.PushApp>
{
    [Fact]
    public async Task InformationNotification_ByDefault_WaitsForTheDailyDigest_SentOnceAfterFive()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Cahiers", body = "Couvrir les cahiers", recipients = new[] { $"account:{territory.GuardianA.Id}" } });
        await app.RunOutboxAsync();
        var address = $"{territory.GuardianA.Login}@test.localhost";
        Assert.Empty(await app.Mail!.MailsToAsync(address));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 16, 5, 0, TimeSpan.Zero)); // Monday 17:05 in Paris
        await app.RunJobAsync(DailyDigestJob.JobName);
        await app.RunOutboxAsync();
        await app.RunJobAsync(DailyDigestJob.JobName);
        await app.RunOutboxAsync();

        var digest = Assert.Single(await app.Mail!.MailsToAsync(address));
        Assert.Equal("Préau : votre résumé du jour (1)", digest.Subject);
        Assert.Contains("1 conversation(s) non lue(s)", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Nouveau message de Thérèse Enseignante : Cahiers", digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebPush_ActionRequired_ReachesEveryDevice_AndForgetsTheOneThePushServiceNoLongerKnows()
    {
        var territory = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);
        var key = await guardian.GetFromJsonAsync<Dictionary<string, string>>("/api/v1/notifications/push/key");
        Assert.Equal(87, key!["publicKey"].Length);
        Assert.Equal(HttpStatusCode.NoContent, (await guardian.PostAsJsonAsync("/api/v1/notifications/push/subscriptions", Device("https://push.test/phone"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await guardian.PostAsJsonAsync("/api/v1/notifications/push/subscriptions", Device("https://push.test/gone"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await guardian.PostAsJsonAsync("/api/v1/notifications/push/subscriptions", new { endpoint = "javascript:alert(1)", keys = new { p256dh = "x", auth = "y" } })).StatusCode);

        var teacher = await app.SignInAsync(territory.TeacherA);
        await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Autorisation", body = "Merci de répondre", recipients = new[] { $"account:{territory.GuardianA.Id}" }, answerExpected = true });
        await app.RunOutboxAsync();

        var pushes = app.PushService.Requests.Where(r => r.Endpoint.StartsWith("https://push.test/", StringComparison.Ordinal)).ToList();
        Assert.Contains(pushes, p => p.Endpoint == "https://push.test/phone" && p.Authorization.StartsWith("vapid t=", StringComparison.Ordinal) && p.Encoding == "aes128gcm");
        Assert.Contains(pushes, p => p.Endpoint == "https://push.test/gone");
        var left = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().PushSubscriptions.Where(s => s.AccountId == territory.GuardianA.Id).Select(s => s.Endpoint).ToListAsync());
        Assert.Equal(["https://push.test/phone"], left);
    }

    [Fact]
    public async Task Notifications_FilterByClass_AndBadgeCounts()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "À signer", body = "Autorisation", recipients = new[] { $"account:{territory.GuardianA.Id}" }, answerExpected = true });
        await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Pour info", body = "Rien à faire", recipients = new[] { $"account:{territory.GuardianA.Id}" } });
        await app.RunOutboxAsync();

        var guardian = await app.SignInAsync(territory.GuardianA);
        var action = await PreauApp.GetPageAsync(guardian, "/notifications?classe=action");
        Assert.Contains("À signer", action.QuerySelector(".notification-list")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Pour info", action.QuerySelector(".notification-list")!.TextContent, StringComparison.Ordinal);
        var information = await PreauApp.GetPageAsync(guardian, "/notifications?classe=information");
        Assert.Contains("Pour info", information.QuerySelector(".notification-list")!.TextContent, StringComparison.Ordinal);
        var badges = await guardian.GetFromJsonAsync<BadgeCounts>("/api/v1/notifications/badges");
        Assert.Equal(new BadgeCounts(2, 2), badges);
    }

    [Fact]
    public async Task Preferences_NoEmailForActionRequired_SendsNone()
    {
        var territory = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);
        var saved = await PreauApp.SubmitFormAsync(guardian, "/compte/notifications", new() { ["ActionEmail"] = "Off", ["InformationEmail"] = "Immediate" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var bad = await PreauApp.SubmitFormAsync(guardian, "/compte/notifications", new() { ["ActionEmail"] = "Pigeon" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);

        var teacher = await app.SignInAsync(territory.TeacherA);
        await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Signature", body = "À signer", recipients = new[] { $"account:{territory.GuardianA.Id}" }, answerExpected = true });
        await app.RunOutboxAsync();

        Assert.Empty(await app.Mail!.MailsToAsync($"{territory.GuardianA.Login}@test.localhost"));
    }

    [Fact]
    public async Task InstallableApp_ServiceWorkerAndManifest_AreServedFromTheRoot()
    {
        var client = app.CreateBrowserClient();

        var worker = await client.GetAsync("/sw.js");
        var manifest = await client.GetAsync("/manifest.webmanifest");

        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType!.MediaType);
        Assert.Contains("showNotification", await worker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"start_url\": \"/\"", await manifest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static object Device(string endpoint)
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new { endpoint, keys = new { p256dh = B64([0x04, .. q.X!, .. q.Y!]), auth = B64(RandomNumberGenerator.GetBytes(16)) } };
    }

    /// <summary>The app with a mail server and a recording push service (answers 410 Gone for ".../gone").</summary>
    public sealed class PushApp : PreauApp
    {
        public RecordingPushService PushService { get; } = new();

        protected override bool UsesMailServer => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddHttpClient<PushServiceClient>().ConfigurePrimaryHttpMessageHandler(() => PushService));
        }
    }

    /// <summary>A push service on no network: records what it is asked to deliver.</summary>
    public sealed class RecordingPushService : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentBag<(string Endpoint, string Authorization, string? Encoding)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.ToString(), request.Headers.Authorization?.ToString() ?? string.Empty, request.Content?.Headers.ContentEncoding.FirstOrDefault()));
            var gone = request.RequestUri.AbsolutePath.EndsWith("/gone", StringComparison.Ordinal);
            return Task.FromResult(new HttpResponseMessage(gone ? HttpStatusCode.Gone : HttpStatusCode.Created));
        }
    }
}
