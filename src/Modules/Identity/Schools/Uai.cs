using System.Globalization;

namespace Preau.Identity.Schools;

/// <summary>
/// The UAI code (ex-RNE) of a French school: 7 digits (the département on 3 digits — 620/720 for
/// Corsica, 97x overseas — then a number) and a check letter: the 7-digit number modulo 23, mapped
/// onto the alphabet without I, O and Q. Example: 0750655E.
/// </summary>
internal static class Uai
{
    private const string CheckLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    /// <summary>Normalises (trim, upper case) and validates a UAI; returns null when it is not valid.</summary>
    public static string? Normalize(string? value)
    {
        var code = value?.Trim().ToUpperInvariant();
        if (code is not { Length: 8 } || !code[..7].All(char.IsAsciiDigit))
        {
            return null;
        }

        return CheckLetterOf(code[..7]) == code[7] ? code : null;
    }

    /// <summary>Appends the check letter to 7 digits (used to generate demo and test data).</summary>
    public static string WithCheckLetter(string sevenDigits) => sevenDigits + CheckLetterOf(sevenDigits);

    private static char CheckLetterOf(string sevenDigits) =>
        CheckLetters[(int)(long.Parse(sevenDigits, CultureInfo.InvariantCulture) % 23)];
}
