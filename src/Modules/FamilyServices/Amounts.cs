using System.Globalization;

namespace Preau.FamilyServices;

/// <summary>
/// Numbers typed by people: "3,20", "3.20", "1 234,50" (French forms write a comma, browsers' number
/// fields send a point). Parsed here rather than by culture-bound model binding, so both work.
/// </summary>
internal static class Amounts
{
    public const int MaxLength = 20;

    /// <summary>The number typed, or null when empty; false when it is not a number.</summary>
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (text.Length > MaxLength)
        {
            return false;
        }

        var cleaned = text.Trim().Replace("\u202f", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal).Replace("€", string.Empty, StringComparison.Ordinal).Replace("%", string.Empty, StringComparison.Ordinal)
            .Replace(',', '.');
        if (cleaned.Count(c => c == '.') > 1 || !decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>A number for a form field, in French ("3,2" → "3,20" for money).</summary>
    public static string Format(decimal? value, bool money = true) =>
        value is { } v ? v.ToString(money ? "0.00" : "0.##", CultureInfo.GetCultureInfo("fr-FR")) : string.Empty;
}
