using System.Globalization;

namespace Preau.FamilyServices.Households;

/// <summary>Times of day as forms and the tablets send them: "07:45", "7:45", "07:45:00", or the French "7h45".</summary>
internal static class ClockTime
{
    private static readonly string[] Formats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>True with the time (null when empty); false when the text is not a time.</summary>
    public static bool TryParse(string? text, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = TimeOnly.TryParseExact(text.Trim().Replace('h', ':'), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        time = ok ? parsed : null;
        return ok;
    }
}
