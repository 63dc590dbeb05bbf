using System.Text.RegularExpressions;

namespace Preau.FamilyServices.Households;

/// <summary>Phone numbers as families type them: "06 12 34 56 78", "+33 6 12 34 56 78", "01.23.45.67.89".</summary>
internal static partial class PhoneNumber
{
    public const int MaxLength = 30;

    /// <summary>The number cleaned for display ("06 12 34 56 78"), or null when it is not a phone number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxLength)
        {
            return null;
        }

        var compact = Separators().Replace(input.Trim(), string.Empty);
        if (!Shape().IsMatch(compact))
        {
            return null;
        }

        // French national numbers (10 digits from 0) are shown in pairs, the way they are read aloud.
        return compact.Length == 10 && compact[0] == '0'
            ? string.Join(' ', Enumerable.Range(0, 5).Select(i => compact.Substring(i * 2, 2)))
            : compact;
    }

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    // E.164 (up to 15 digits after +) or a national number of 6 to 15 digits.
    [GeneratedRegex(@"^(\+[1-9]\d{5,14}|\d{6,15})$")]
    private static partial Regex Shape();
}
