using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Households;

/// <summary>A household as the API gives it: its guardians and its children with their registrations.</summary>
internal sealed record HouseholdDto(Guid Id, string Name, string Status, string? Address, IReadOnlyList<GuardianDto> Guardians, IReadOnlyList<ChildDto> Children);

internal sealed record GuardianDto(Guid Id, string Name);

internal sealed record ChildDto(Guid Id, string FirstName, string Name, string? ClassName, string? SchoolName, IReadOnlyList<RegistrationDto> Registrations);

internal sealed record RegistrationDto(Guid Id, Guid ServiceId, string Service, string Kind, string Status, DateOnly StartsOn, DateOnly EndsOn, string? Reason);

/// <summary>/api/v1/family/households: a guardian's households (the agent's: any, by id), with children and registrations.</summary>
internal static class HouseholdsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/households", ListAsync).RequireAuthorization(FamilyServicesPermissions.FamilyPortal)
            .WithSummary("Les foyers du responsable connecté, avec leurs enfants et leurs inscriptions.");
        api.MapGet("/households/{id:guid}", GetAsync).RequireAuthorization(FamilyServicesPermissions.ReadHouseholds)
            .WithSummary("Un foyer, ses enfants et leurs inscriptions.");
    }

    private static async Task<Ok<IReadOnlyList<HouseholdDto>>> ListAsync(HttpContext http, HouseholdQueries queries, FamilyServicesDbContext db, CancellationToken cancellationToken)
    {
        var households = await queries.OfGuardianAsync(http.User.RequiredAccountId(), cancellationToken);
        return TypedResults.Ok(await ToDtosAsync(households, db, cancellationToken));
    }

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, FamilyAccess access, HouseholdQueries queries, FamilyServicesDbContext db, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedHouseholdAsync(http.User, id, ResourceAuthorization.Read, cancellationToken) is null
            || await queries.GetAsync(id, cancellationToken) is not { } household)
        {
            return ApiRequests.NotFound(localizer);
        }

        return TypedResults.Ok((await ToDtosAsync([household], db, cancellationToken))[0]);
    }

    private static async Task<IReadOnlyList<HouseholdDto>> ToDtosAsync(IReadOnlyList<HouseholdView> households, FamilyServicesDbContext db, CancellationToken cancellationToken)
    {
        var childIds = households.SelectMany(h => h.Children).Select(c => c.PersonId).Distinct().ToList();
        var registrations = (await (from r in db.Registrations.AsNoTracking()
                                    join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
                                    where childIds.Contains(r.ChildId)
                                    orderby s.Name
                                    select new { r, s.Name, s.Kind }).ToListAsync(cancellationToken))
            .ToLookup(x => x.r.ChildId, x => new RegistrationDto(x.r.Id, x.r.ServiceId, x.Name, x.Kind.ToString(), x.r.Status.ToString(), x.r.StartsOn, x.r.EndsOn, x.r.Reason));
        return households.Select(h => new HouseholdDto(
            h.Id, h.Name, h.Status.ToString(), h.AddressLine,
            h.Guardians.Select(g => new GuardianDto(g.PersonId, g.DisplayName)).ToList(),
            h.Children.Select(c => new ChildDto(c.PersonId, c.FirstName, c.DisplayName, c.ClassName, c.SchoolName, registrations[c.PersonId].ToList())).ToList())).ToList();
    }
}
