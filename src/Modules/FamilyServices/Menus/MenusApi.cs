using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Menus;

/// <summary>A week's published menu of a school, as the API serves it.</summary>
internal sealed record MenuWeekDto(string School, string Uai, DateOnly Week, string Kitchen, IReadOnlyList<MenuDayDto> Days);

internal sealed record MenuDayDto(DateOnly Date, IReadOnlyList<MenuDishDto> Dishes);

/// <summary>A dish: its course and allergens as stable codes, with their French names for display.</summary>
internal sealed record MenuDishDto(string Course, string Name, IReadOnlyList<AllergenDto> Allergens, IReadOnlyList<string> Labels);

internal sealed record AllergenDto(string Code, string Name);

/// <summary>
/// GET /api/v1/territoires/{territory}/menus?school=UAI-or-id&amp;week=2026-11-23 (any day of the week, or
/// 2026-W48): the published menu of a school of the territory. Public, like the menu posted at the school
/// gate; drafts never leave the town's pages.
/// </summary>
internal static class MenusApi
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/territoires/{territory}/menus", GetAsync)
            .AllowAnonymous()
            .WithName("GetMenu")
            .WithSummary("Menu publié d’une école pour une semaine")
            .WithTags("Menus");

    internal static async Task<Results<Ok<MenuWeekDto>, ProblemHttpResult>> GetAsync(
        string territory, string? school, string? week, HttpContext context, IStructureDirectory directory, TenantContext tenant,
        MenuQueries menus, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await PublicTerritory.EnterAsync(territory, context.User, directory, tenant, cancellationToken) is null)
        {
            return Problem(StatusCodes.Status404NotFound, localizer["Territoire inconnu."], localizer["Aucun territoire ne porte ce nom."]);
        }

        if (string.IsNullOrWhiteSpace(school) || school.Length > 40)
        {
            return Problem(StatusCodes.Status400BadRequest, localizer["École manquante."], localizer["Indiquez l’école par son code UAI ou son identifiant : ?school=0951235V."]);
        }

        var info = Guid.TryParse(school, out var id) ? await directory.GetSchoolAsync(id, cancellationToken) : await directory.FindSchoolByUaiAsync(school, cancellationToken);
        if (info is null)
        {
            return Problem(StatusCodes.Status404NotFound, localizer["École inconnue."], localizer["Aucune école de ce territoire ne porte ce code."]);
        }

        DateOnly day;
        if (string.IsNullOrWhiteSpace(week))
        {
            day = tenant.Today(clock);
        }
        else if (!TryParseWeek(week, out day))
        {
            return Problem(StatusCodes.Status400BadRequest, localizer["Semaine non reconnue."], localizer["Indiquez un jour de la semaine (2026-11-23) ou une semaine ISO (2026-W48)."]);
        }

        var monday = MenuNames.MondayOf(day);
        var menu = await menus.PublishedForSchoolAsync(info.Id, monday, cancellationToken);
        if (menu is null)
        {
            return Problem(StatusCodes.Status404NotFound, localizer["Menu non publié."], localizer["Le menu de cette semaine n’est pas encore publié pour cette école."]);
        }

        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new MenuWeekDto(info.Name, info.Uai, monday, menu.Kitchen, menu.Days.Select(d => new MenuDayDto(d,
            menu.Dishes.Where(x => x.Day == d).OrderBy(x => x.Course).ThenBy(x => x.Position)
                .Select(x => new MenuDishDto(
                    MenuNames.Code(x.Course),
                    x.Name,
                    Allergens.In(x.Allergens).Select(a => new AllergenDto(Allergens.Code(a), localizer[Allergens.NameOf(a)])).ToList(),
                    MenuNames.Split(x.Labels).Select(MenuNames.Code).ToList()))
                .ToList())).ToList()));
    }

    /// <summary>A day ("2026-11-23") or an ISO week ("2026-W48").</summary>
    public static bool TryParseWeek(string text, out DateOnly day)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return day.Year is >= 2000 and <= 2100;
        }

        var parts = text.Split("-W", StringSplitOptions.None);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && year is >= 2000 and <= 2100 && number >= 1 && number <= ISOWeek.GetWeeksInYear(year))
        {
            day = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
            return true;
        }

        return false;
    }

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail });
}
