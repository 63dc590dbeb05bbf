using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Communication.Data;
using Preau.Platform.Outbox;
using Preau.Platform.Web;
using LibSubscription = Lib.Net.Http.WebPush.PushSubscription;

namespace Preau.Communication.Notifications.WebPush;

/// <summary>A push notice to every device of an account.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Title">The notification's title (never a minor's message content: titles are written that way).</param>
/// <param name="Url">Where a tap leads (relative).</param>
internal sealed record PushRequested(Guid AccountId, string Title, string Url);

/// <summary>The installation's VAPID keys: read from the database, generated on first use.</summary>
internal sealed class VapidKeys(CommunicationDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "Preau.Communication.Vapid";

    public async Task<(string PublicKey, string PrivateKey)> GetAsync(CancellationToken cancellationToken)
    {
        var pair = await db.VapidKeys.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (pair is null)
        {
            using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            var publicKey = Base64Url([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
            pair = new VapidKeyPair
            {
                PublicKey = publicKey,
                ProtectedPrivateKey = protection.CreateProtector(Purpose).Protect(Base64Url(parameters.D!)),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.VapidKeys.Add(pair);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process generated the pair first: use that one.
                db.ChangeTracker.Clear();
                pair = await db.VapidKeys.AsNoTracking().SingleAsync(cancellationToken);
            }
        }

        return (pair.PublicKey, protection.CreateProtector(Purpose).Unprotect(pair.ProtectedPrivateKey));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The "WebPush" configuration section.</summary>
internal sealed class WebPushOptions
{
    /// <summary>The contact the push services may write to about this installation (RFC 8292, "sub").</summary>
    public string Subject { get; set; } = "mailto:ne-pas-repondre@preau.localhost";
}

/// <summary>Sends a push notice to each device of an account; a device the push service no longer knows (404, 410) is forgotten.</summary>
internal sealed class SendWebPush(
    CommunicationDbContext db,
    VapidKeys keys,
    PushServiceClient client,
    PublicLinks links,
    IOptions<WebPushOptions> options,
    ILogger<SendWebPush> logger)
    : IOutboxHandler<PushRequested>
{
    public async Task HandleAsync(PushRequested request, CancellationToken cancellationToken)
    {
        var subscriptions = await db.PushSubscriptions.Where(s => s.AccountId == request.AccountId).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var (publicKey, privateKey) = await keys.GetAsync(cancellationToken);
        var authentication = new VapidAuthentication(publicKey, privateKey) { Subject = options.Value.Subject };
        var payload = JsonSerializer.Serialize(new { title = request.Title, url = links.Absolute(null, request.Url) });
        foreach (var subscription in subscriptions)
        {
            var target = new LibSubscription { Endpoint = subscription.Endpoint, Keys = new Dictionary<string, string> { ["p256dh"] = subscription.P256dh, ["auth"] = subscription.Auth } };
            try
            {
                await client.RequestPushMessageDeliveryAsync(target, new PushMessage(payload) { TimeToLive = 24 * 3600, Urgency = PushMessageUrgency.Normal }, authentication, cancellationToken);
            }
            catch (PushServiceClientException exception) when (exception.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
            {
                db.PushSubscriptions.Remove(subscription);
            }
            catch (PushServiceClientException exception)
            {
                // A device's push service failing must not hold the others: logged, not retried.
                logger.LogWarning("Push service answered {Status} for a subscription", (int)exception.StatusCode);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
