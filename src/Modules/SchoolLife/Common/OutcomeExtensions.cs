using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Preau.SchoolLife.Common;

/// <summary>How pages and API endpoints show an <see cref="Outcome{T}"/>'s errors.</summary>
internal static class OutcomeExtensions
{
    /// <summary>Adds the errors to the page's model state, prefixing field names (e.g. "Input.").</summary>
    public static void AddTo<T>(this Outcome<T> outcome, ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var error in outcome.Errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? string.Empty : prefix + error.Field, error.Message);
        }
    }

    /// <summary>RFC 9457 problem details: 404 when not found, 400 with the French messages per field otherwise.</summary>
    public static IResult ToProblem<T>(this Outcome<T> outcome, IStringLocalizer localizer) =>
        outcome.IsNotFound
            ? NotFoundProblem(localizer)
            : Results.ValidationProblem(
                outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: localizer["La demande contient des erreurs."]);

    public static IResult NotFoundProblem(IStringLocalizer localizer) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["Introuvable."], detail: localizer["Cette ressource n’existe pas ou ne vous est pas accessible."]);
}
