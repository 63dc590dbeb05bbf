using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Preau.Communication.Publishing;

/// <summary>A French message for a form field (translated by the page that shows it).</summary>
internal sealed record FieldError(string Field, string Message);

/// <summary>Shows a use case's refusals on the form, translated, next to their fields.</summary>
internal static class FieldErrors
{
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, IStringLocalizer localizer)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field, localizer[error.Message]);
        }
    }
}
