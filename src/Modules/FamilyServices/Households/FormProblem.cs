using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Preau.FamilyServices.Households;

/// <summary>
/// A reason a use case refuses its input: the field it concerns (as the form names it, "" for the whole
/// form), a French message (translation key) and its arguments. Pages show it next to the field; the API
/// returns it as a validation problem (RFC 9457).
/// </summary>
internal sealed record FormProblem(string Field, string Message, params object[] Arguments)
{
    public string Translate(IStringLocalizer localizer) => localizer[Message, Arguments];
}

internal static class FormProblems
{
    /// <summary>Adds the problems to a page's model state, fields prefixed as the page binds them ("Input.").</summary>
    public static void AddTo(this IEnumerable<FormProblem> problems, ModelStateDictionary modelState, IStringLocalizer localizer, string prefix = "Input.")
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(problem.Field.Length == 0 ? string.Empty : prefix + problem.Field, problem.Translate(localizer));
        }
    }

    /// <summary>The problems as the API's validation errors: field → messages.</summary>
    public static Dictionary<string, string[]> ToErrors(this IEnumerable<FormProblem> problems, IStringLocalizer localizer) =>
        problems.GroupBy(p => p.Field.Length == 0 ? "request" : char.ToLowerInvariant(p.Field[0]) + p.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(p => p.Translate(localizer)).ToArray());

    /// <summary>Adds a problem for a plain-text field when <see cref="PlainText.Check"/> finds one.</summary>
    public static void CheckText(this List<FormProblem> problems, string field, string? value, int maxLength, bool required = false)
    {
        if (PlainText.Check(value, maxLength, required) is { } message)
        {
            problems.Add(new FormProblem(field, message, maxLength));
        }
    }
}
