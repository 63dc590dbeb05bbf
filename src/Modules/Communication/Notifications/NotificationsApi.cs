using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Notifications.WebPush;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Notifications;

/// <summary>A browser's push subscription, as PushSubscription.toJSON() gives it.</summary>
/// <param name="Endpoint">The push service's URL for this device.</param>
/// <param name="Keys">"p256dh" and "auth".</param>
internal sealed record PushSubscriptionBody(string? Endpoint, Dictionary<string, string>? Keys);

/// <summary>The badge counts, the Web Push subscriptions and the installable app's files.</summary>
internal static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notifications").RequireAuthorization(Policies.SignedIn).WithTags("Notifications");

        api.MapGet("/badges", async (HttpContext http, LiveBadges badges, CancellationToken cancellationToken) =>
            TypedResults.Ok(await badges.CountAsync(http.User.RequiredAccountId(), cancellationToken)));

        api.MapGet("/push/key", async (VapidKeys keys, CancellationToken cancellationToken) =>
            TypedResults.Ok(new { PublicKey = (await keys.GetAsync(cancellationToken)).PublicKey }));

        api.MapPost("/push/subscriptions", async Task<Results<NoContent, ValidationProblem>> (PushSubscriptionBody body, HttpContext http, CommunicationDbContext db, IStringLocalizer localizer, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var p256dh = body.Keys?.GetValueOrDefault("p256dh");
            var auth = body.Keys?.GetValueOrDefault("auth");
            if (!Uri.TryCreate(body.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps || body.Endpoint!.Length > 1000
                || p256dh is not { Length: > 20 and <= 200 } || auth is not { Length: > 8 and <= 100 })
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Endpoint"] = [localizer["Abonnement aux notifications du navigateur invalide."]] }, title: localizer["L’appareil n’a pas été enregistré."]);
            }

            var accountId = http.User.RequiredAccountId();
            // A device changes hands (a shared family tablet, an account in another territory): the subscription
            // follows the account signed in now.
            await db.PushSubscriptions.IgnoreQueryFilters().Where(s => s.Endpoint == body.Endpoint).ExecuteDeleteAsync(cancellationToken);
            db.PushSubscriptions.Add(new PushSubscription { AccountId = accountId, Endpoint = body.Endpoint!, P256dh = p256dh, Auth = auth, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.NoContent();
        });

        api.MapPost("/push/unsubscribe", async (PushSubscriptionBody body, HttpContext http, CommunicationDbContext db, CancellationToken cancellationToken) =>
        {
            var accountId = http.User.RequiredAccountId();
            await db.PushSubscriptions.Where(s => s.AccountId == accountId && s.Endpoint == body.Endpoint).ExecuteDeleteAsync(cancellationToken);
            return TypedResults.NoContent();
        });

        // The service worker is served from the root so that its scope covers every page (a worker's scope is its folder).
        app.MapGet("/sw.js", (IWebHostEnvironment environment) => StaticFile(environment, "sw.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/manifest.webmanifest", (IWebHostEnvironment environment) => StaticFile(environment, "manifest.webmanifest", "application/manifest+json")).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult StaticFile(IWebHostEnvironment environment, string name, string contentType)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("_content/Preau.Communication/" + name);
        return file.Exists ? Results.Stream(file.CreateReadStream(), contentType) : Results.NotFound();
    }
}

/// <summary>The unread-conversations badge on "Messagerie".</summary>
internal sealed class MessagesBadge(LiveBadges badges) : INavigationBadge
{
    public string Url => "/messages";

    public string Key => "messages";

    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => (await badges.ForUserAsync(user, cancellationToken))?.Messages ?? 0;
}

/// <summary>The unread-notifications badge on "Notifications".</summary>
internal sealed class NotificationsBadge(LiveBadges badges) : INavigationBadge
{
    public string Url => "/notifications";

    public string Key => "notifications";

    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => (await badges.ForUserAsync(user, cancellationToken))?.Notifications ?? 0;
}
