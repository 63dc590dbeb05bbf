using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Preau.Identity.Structures;

/// <summary>A rule the input broke: the form field it concerns ("" for the whole form) and a French message marked by <c>Fr(…)</c>.</summary>
internal sealed record FieldError(string Field, string Message, params object[] Arguments);

/// <summary>What an administration use case answers: done, or the rules the input broke.</summary>
internal sealed record ChangeResult(IReadOnlyList<FieldError> Errors)
{
    public static readonly ChangeResult Done = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static ChangeResult Refused(string field, string message, params object[] arguments) => new([new FieldError(field, message, arguments)]);
}

/// <summary>Shows a use case's refusals on the form, translated.</summary>
internal static class ChangeResultExtensions
{
    public static void AddErrors(this ModelStateDictionary modelState, ChangeResult result, IStringLocalizer localizer, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"{prefix}.{error.Field}", localizer[error.Message, error.Arguments]);
        }
    }

    /// <summary>Keeps only the submitted form's fields: the page's other forms were not sent, their [Required] fields do not count.</summary>
    public static void KeepOnly(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var key in modelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            modelState.Remove(key);
        }
    }
}
