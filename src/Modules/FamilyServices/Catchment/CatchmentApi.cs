using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Menus;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Catchment;

/// <summary>The school(s) an address is assigned to.</summary>
internal sealed record CatchmentResultDto(string Street, string? Number, string Level, IReadOnlyList<CatchmentSchoolDto> Schools);

internal sealed record CatchmentSchoolDto(Guid Id, string Uai, string Name, string? City);

/// <summary>
/// GET /api/v1/territoires/{territory}/sectorisation?voie=…&amp;numero=…&amp;niveau=maternelle|elementaire
/// (or secteur=… for a named area): the assigned public school(s). Public, like the town's catchment map.
/// </summary>
internal static class CatchmentApi
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/territoires/{territory}/sectorisation", GetAsync)
            .AllowAnonymous()
            .WithName("FindCatchment")
            .WithSummary("École(s) de secteur d’une adresse")
            .WithTags("Sectorisation");

    internal static async Task<Results<Ok<CatchmentResultDto>, ProblemHttpResult>> GetAsync(
        string territory, string? voie, string? numero, string? secteur, string? niveau, HttpContext context,
        IStructureDirectory directory, TenantContext tenant, CatchmentLookup lookup, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await PublicTerritory.EnterAsync(territory, context.User, directory, tenant, cancellationToken) is null)
        {
            return MenusApi.Problem(StatusCodes.Status404NotFound, localizer["Territoire inconnu."], localizer["Aucun territoire ne porte ce nom."]);
        }

        if ((string.IsNullOrWhiteSpace(voie) && string.IsNullOrWhiteSpace(secteur)) || voie?.Length > StreetNames.MaxLength || secteur?.Length > StreetNames.MaxLength)
        {
            return MenusApi.Problem(StatusCodes.Status400BadRequest, localizer["Adresse manquante."], localizer["Indiquez la voie (voie=…, 200 caractères au plus) et le numéro (numero=…), ou le secteur (secteur=…)."]);
        }

        if (!string.IsNullOrWhiteSpace(numero) && HouseNumbers.Parse(numero) is null)
        {
            return MenusApi.Problem(StatusCodes.Status400BadRequest, localizer["Numéro non reconnu."], localizer["Le numéro s’écrit en chiffres, éventuellement suivi de bis ou ter (par exemple 12 bis)."]);
        }

        var level = niveau?.Trim().ToLowerInvariant() switch
        {
            "maternelle" => SchoolLevel.Maternelle,
            "elementaire" or "élémentaire" or null or "" => SchoolLevel.Elementaire,
            _ => SchoolLevel.None,
        };
        if (level == SchoolLevel.None)
        {
            return MenusApi.Problem(StatusCodes.Status400BadRequest, localizer["Niveau non reconnu."], localizer["Le niveau est maternelle ou elementaire."]);
        }

        var answers = await lookup.FindAsync(voie, numero, secteur, level, cancellationToken);
        return TypedResults.Ok(new CatchmentResultDto(voie ?? secteur ?? string.Empty, numero, level == SchoolLevel.Maternelle ? "maternelle" : "elementaire",
            answers.Select(a => new CatchmentSchoolDto(a.School.Id, a.School.Uai, a.School.Name, a.School.City)).ToList()));
    }
}
