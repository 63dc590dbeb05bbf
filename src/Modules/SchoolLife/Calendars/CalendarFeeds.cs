using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Calendars;

/// <summary>Issues, replaces and revokes an account's private calendar address.</summary>
internal sealed class ManageCalendarFeed(SchoolLifeDbContext db, TimeProvider clock)
{
    /// <summary>The account's feed, if it has one.</summary>
    public Task<CalendarFeed?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.AccountId == accountId, cancellationToken);

    /// <summary>Issues a new token (the previous address stops working at once); returns the token, shown once.</summary>
    public async Task<string> IssueAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var (token, hash) = CalendarFeed.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.CalendarFeeds.Where(f => f.AccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.TokenHash, hash).SetProperty(f => f.CreatedAt, now).SetProperty(f => f.LastReadAt, (DateTime?)null), cancellationToken);
        if (updated == 0)
        {
            db.CalendarFeeds.Add(new CalendarFeed { AccountId = accountId, TokenHash = hash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Created at the same moment from another tab: replace that one's token with this one.
                db.ChangeTracker.Clear();
                return await IssueAsync(accountId, cancellationToken);
            }
        }

        return token;
    }

    /// <summary>Revokes the address: calendar apps get "not found" from now on.</summary>
    public Task RevokeAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.CalendarFeeds.Where(f => f.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
}

/// <summary>The feed's endpoint: anonymous, authenticated by the token of its address alone.</summary>
internal static class CalendarFeedEndpoint
{
    /// <summary>The address of a feed, relative to the site's root.</summary>
    public static string PathOf(string token) => $"/agenda/{token}.ics";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/agenda/{token}.ics", ServeAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task<IResult> ServeAsync(
        string token,
        HttpContext context,
        SchoolLifeDbContext db,
        TenantContext tenant,
        IStructureDirectory directory,
        BuildCalendarFeed build,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Unknown, revoked and malformed tokens all answer the same "not found".
        if (!CalendarFeed.IsWellFormed(token))
        {
            return Results.NotFound();
        }

        var hash = CalendarFeed.Hash(token);
        var feed = await db.CalendarFeeds.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, cancellationToken);
        if (feed is null)
        {
            return Results.NotFound();
        }

        tenant.Enter(feed.TerritoryId);
        tenant.Enter(feed.TerritoryId, (await directory.GetCurrentTerritoryAsync(cancellationToken))?.TimeZoneId);
        var document = await build.RunAsync(feed.AccountId, cancellationToken);
        if (document is null)
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (feed.LastReadAt is null || now - feed.LastReadAt > CalendarFeed.ReadRecordingInterval)
        {
            await db.CalendarFeeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastReadAt, now), cancellationToken);
        }

        // The address is a secret: no shared cache keeps the document, no search engine lists it.
        context.Response.Headers.CacheControl = "private, max-age=900";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return Results.Text(document, "text/calendar; charset=utf-8");
    }
}
