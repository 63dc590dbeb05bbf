using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Agenda;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.Communication.Publishing;

/// <summary>A news item in the API.</summary>
public sealed record NewsItemDto(Guid Id, string Title, string Html, string Audience, Guid? SchoolId, Guid? ClassGroupId, DateTime PublishedAt, DateTime? ExpiresAt);

/// <summary>A page of news.</summary>
public sealed record NewsPageDto(IReadOnlyList<NewsItemDto> Items, int Page, int PageSize, int Total);

/// <summary>An agenda event in the API.</summary>
public sealed record EventDto(Guid Id, string Title, string Category, string Scope, Guid? SchoolId, Guid? ClassGroupId, DateTime StartsAt, DateTime EndsAt, string? Location, string? Description, bool IsPublic, bool IsCancelled);

/// <summary>
/// /api/v1 endpoints of publishing: a school's news (public ones anonymously), a class's and a school's
/// events. Each declares its policy; a school or class that is not the caller's answers 404 (problem details).
/// The handlers read the same queries as the pages (NewsQueries, AgendaQueries), so rights are the same.
/// </summary>
internal static class PublishingApi
{
    private const int PageSize = 20;

    public static IEndpointRouteBuilder MapPublishingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Publication");
        api.MapGet("/schools/{schoolId:guid}/news", SchoolNewsAsync).RequireAuthorization(Policies.SignedIn).WithName("ListSchoolNews");
        api.MapGet("/public/{territorySlug}/schools/{uai}/news", PublicSchoolNewsAsync).AllowAnonymous().WithName("ListPublicSchoolNews");
        api.MapGet("/schools/{schoolId:guid}/events", SchoolEventsAsync).RequireAuthorization(Policies.SignedIn).WithName("ListSchoolEvents");
        api.MapGet("/classes/{classId:guid}/events", ClassEventsAsync).RequireAuthorization(Policies.SignedIn).WithName("ListClassEvents");
        return app;
    }

    private static async Task<Results<Ok<NewsPageDto>, ProblemHttpResult>> SchoolNewsAsync(
        Guid schoolId, int? page, ClaimsPrincipal user, Readership readership, CommunicationDbContext db, IStringLocalizer localizer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(user, cancellationToken);
        if (!reader.SchoolIds.Contains(schoolId) && !reader.IsTerritoryAdmin)
        {
            return NotFound(localizer);
        }

        var query = db.News.AsNoTracking().VisibleTo(reader, clock.GetUtcNow().UtcDateTime).Where(n => n.SchoolId == schoolId);
        return TypedResults.Ok(await PageAsync(query, page, cancellationToken));
    }

    private static async Task<Results<Ok<NewsPageDto>, ProblemHttpResult>> PublicSchoolNewsAsync(
        string territorySlug, string uai, int? page, PublicSite site, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        await using var territory = await site.OpenAsync(territorySlug, cancellationToken);
        var school = territory is null ? null : await territory.Get<PublicSchools>().FindAsync(uai, cancellationToken);
        if (territory is null || school is null)
        {
            return NotFound(localizer);
        }

        var now = territory.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var query = territory.Get<CommunicationDbContext>().News.AsNoTracking().PublicOfSchool(school.Id, now);
        return TypedResults.Ok(await PageAsync(query, page, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<EventDto>>, ProblemHttpResult>> SchoolEventsAsync(
        Guid schoolId, ClaimsPrincipal user, Readership readership, CommunicationDbContext db, IStringLocalizer localizer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(user, cancellationToken);
        if (!reader.SchoolIds.Contains(schoolId) && !reader.IsTerritoryAdmin)
        {
            return NotFound(localizer);
        }

        return TypedResults.Ok(await EventsAsync(db.AgendaEvents.AsNoTracking().VisibleTo(reader).Where(e => e.SchoolId == schoolId), clock, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<EventDto>>, ProblemHttpResult>> ClassEventsAsync(
        Guid classId, ClaimsPrincipal user, Readership readership, IStructureDirectory directory, CommunicationDbContext db, IStringLocalizer localizer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(user, cancellationToken);
        var group = await directory.GetClassGroupAsync(classId, cancellationToken);
        if (group is null || !(reader.ClassIds.Contains(classId) || reader.WorksIn(group.SchoolId) || reader.IsTerritoryAdmin))
        {
            return NotFound(localizer);
        }

        return TypedResults.Ok(await EventsAsync(db.AgendaEvents.AsNoTracking().VisibleTo(reader).Where(e => e.ClassGroupId == classId), clock, cancellationToken));
    }

    private static async Task<NewsPageDto> PageAsync(IQueryable<NewsItem> query, int? page, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var number = Math.Clamp(page ?? 1, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(n => n.PublishAt).ThenByDescending(n => n.Id).Skip((number - 1) * PageSize).Take(PageSize)
            .Select(n => new NewsItemDto(n.Id, n.Title, n.BodyHtml, n.Audience.ToString(), n.SchoolId, n.ClassGroupId, n.PublishAt, n.ExpiresAt))
            .ToListAsync(cancellationToken);
        return new NewsPageDto(items, number, PageSize, total);
    }

    /// <summary>Events from a month ago to a year ahead, at most 500, in start order.</summary>
    private static async Task<IReadOnlyList<EventDto>> EventsAsync(IQueryable<AgendaEvent> query, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-31);
        var to = now.AddYears(1);
        return await query.Where(e => e.EndsAt >= from && e.StartsAt <= to).OrderBy(e => e.StartsAt).Take(CalendarFeeds.MaxEvents)
            .Select(e => new EventDto(e.Id, e.Title, e.Category.ToString(), e.Scope.ToString(), e.SchoolId, e.ClassGroupId, e.StartsAt, e.EndsAt, e.Location, e.Description, e.IsPublic, e.CancelledAt != null))
            .ToListAsync(cancellationToken);
    }

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: localizer["Introuvable"],
        detail: localizer["Cette école ou cette classe n’existe pas, ou vous n’y avez pas accès."],
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");
}
