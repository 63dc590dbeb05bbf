using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Schools;

/// <summary>A school as the API returns it.</summary>
internal sealed record SchoolResource(Guid Id, string Uai, string Name, string Kind, string? Street, string? PostalCode, string? City, double? Latitude, double? Longitude, bool IsActive);

/// <summary>A class or group as the API returns it.</summary>
internal sealed record ClassGroupResource(Guid Id, string Name, string Kind, string? Level, string SchoolYear, int Pupils);

/// <summary>A page of results.</summary>
internal sealed record ResourcePage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The signed-in account as the API returns it (no contact details: those are the holder's own business).</summary>
internal sealed record MeResource(Guid Id, string Login, string FirstName, string LastName, IReadOnlyList<string> Profiles, Guid TerritoryId, string TerritoryName, IReadOnlyList<MeSchool> Schools, IReadOnlyList<MeChild> Children);

internal sealed record MeSchool(Guid Id, string Name, IReadOnlyList<string> Roles);

internal sealed record MeChild(Guid Id, string FirstName, string LastName, string? Class, bool HasParentalAuthority);

/// <summary>
/// Read endpoints for integrations (a town's information system): schools, a school's classes, the
/// signed-in account. Scheme-agnostic (cookie now, OAuth2 bearer later); errors are RFC 9457 problem
/// details in French; a school that is not the caller's answers 404.
/// </summary>
internal static class StructuresApi
{
    private const int PageSize = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Structures");
        api.MapGet("/schools", ListSchoolsAsync).RequireAuthorization(IdentityPermissions.ReadStructures);
        api.MapGet("/schools/{id:guid}", GetSchoolAsync).RequireAuthorization(IdentityPermissions.ReadStructures);
        api.MapGet("/schools/{id:guid}/classes", ListClassesAsync).RequireAuthorization(IdentityPermissions.ReadStructures);
        api.MapGet("/me", GetMeAsync).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>The schools the caller may read: every school for the territory and its services, their own for a head.</summary>
    private static async Task<Results<Ok<ResourcePage<SchoolResource>>, ProblemHttpResult>> ListSchoolsAsync(
        ClaimsPrincipal user, IdentityDbContext db, IAccountRelations relations, IStringLocalizer localizer, int page = 1, CancellationToken cancellationToken = default)
    {
        if (page < 1 || page > 100_000)
        {
            return TypedResults.Problem(title: localizer["Demande incorrecte"], detail: localizer["Le numéro de page va de 1 à 100 000."], statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var territoryWide = actor.IsTerritoryAdmin || (actor.Profiles & Profile.MunicipalAgent) != Profile.None;
        var headed = SchoolScope.ManagedBy(actor).SchoolIds.ToList();
        var query = db.Schools.AsNoTracking().Where(s => territoryWide || headed.Contains(s.Id));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ResourcePage<SchoolResource>(items.Select(ToResource).ToList(), page, PageSize, total));
    }

    private static async Task<Results<Ok<SchoolResource>, ProblemHttpResult>> GetSchoolAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, IAuthorizationService authorization, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return school is not null && await authorization.CanAsync(user, school, ResourceAuthorization.Read)
            ? TypedResults.Ok(ToResource(school))
            : NotFound(localizer);
    }

    private static async Task<Results<Ok<IReadOnlyList<ClassGroupResource>>, ProblemHttpResult>> ListClassesAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, IAuthorizationService authorization, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (school is null || !await authorization.CanAsync(user, school, ResourceAuthorization.Read))
        {
            return NotFound(localizer);
        }

        var year = await StructureDirectory.CurrentSchoolYearQuery(db, tenant.Today(clock)).FirstOrDefaultAsync(cancellationToken);
        var classes = await (from c in db.ClassGroups.AsNoTracking()
                             where c.SchoolId == id && c.SchoolYearId == (year == null ? Guid.Empty : year.Id) && c.IsActive
                             orderby c.Kind, c.Name
                             select new ClassGroupResource(c.Id, c.Name, c.Kind.ToString(), c.Level, year!.Label, db.Enrolments.Count(e => e.ClassGroupId == c.Id && e.EndsOn == null)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ClassGroupResource>>(classes);
    }

    private static async Task<Ok<MeResource>> GetMeAsync(ClaimsPrincipal user, IdentityDbContext db, IAccountRelations relations, IStructureDirectory directory, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(user, cancellationToken);
        var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == actor.AccountId, cancellationToken);
        var territory = await directory.GetCurrentTerritoryAsync(cancellationToken);
        var schools = await directory.GetSchoolsAsync(actor.SchoolRoles.Keys, cancellationToken);
        var children = await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken);
        return TypedResults.Ok(new MeResource(
            account.Id, account.UserName!, account.FirstName, account.LastName,
            Profiles.All.Where(p => (account.Profiles & p) != Profile.None).Select(p => p.ToString()).ToList(),
            account.TerritoryId, territory?.Name ?? string.Empty,
            schools.Select(s => new MeSchool(s.Id, s.Name, Profiles.All.Where(p => (actor.SchoolRoles[s.Id] & p) != Profile.None).Select(p => p.ToString()).ToList())).ToList(),
            children.Select(c => new MeChild(c.Id, c.FirstName, c.LastName, c.ClassName, actor.HasParentalAuthorityOver(c.Id))).ToList()));
    }

    private static SchoolResource ToResource(School s) =>
        new(s.Id, s.Uai, s.Name, s.Kind.ToString(), s.Street, s.PostalCode, s.City, s.Latitude, s.Longitude, s.IsActive);

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) =>
        TypedResults.Problem(title: localizer["Introuvable"], detail: localizer["Cet établissement n’existe pas ou vous n’y avez pas accès."], statusCode: StatusCodes.Status404NotFound);
}
