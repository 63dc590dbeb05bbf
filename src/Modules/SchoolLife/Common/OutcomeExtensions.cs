using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Preau.SchoolLife.Common;

/// <summary>How pages show an <see cref="Outcome{T}"/>'s errors.</summary>
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
}
