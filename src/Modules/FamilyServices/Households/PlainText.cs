using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Households;

/// <summary>
/// Short plain texts typed by people (names, addresses, reasons, notes): trimmed, bounded, and refused
/// when they carry markup or control characters. They are always HTML-encoded when shown; refusing
/// "&lt;script&gt;" as well tells the person at once instead of storing something odd.
/// </summary>
internal static class PlainText
{
    /// <summary>
    /// The largest form value the family-services pages read (<c>[RequestFormLimits]</c>): above ASP.NET Core's
    /// 4 MB default, so that a pasted 10 MB text reaches the length check and gets its message instead of an error.
    /// </summary>
    public const int MaxFormValueBytes = 16 * 1024 * 1024;

    /// <summary>The trimmed text, or null when empty.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Why the text is not acceptable (a French key with {0} = the maximum length), or null.</summary>
    public static string? Check(string? value, int maxLength, bool required = false)
    {
        var text = Clean(value);
        if (text is null)
        {
            return required ? Fr("Ce champ est obligatoire.") : null;
        }

        if (text.Length > maxLength)
        {
            return Fr("Ce texte dépasse {0} caractères.");
        }

        if (text.IndexOfAny(['<', '>']) >= 0)
        {
            return Fr("Les caractères < et > ne sont pas acceptés.");
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? Fr("Ce texte contient des caractères non autorisés.") : null;
    }
}
