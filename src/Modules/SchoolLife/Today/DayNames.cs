using System.Globalization;

namespace Preau.SchoolLife.Today;

/// <summary>Days as pages write them, in the reader's culture: "lundi 23 novembre", "Lundi 23 novembre", "lun. 23".</summary>
internal static class DayNames
{
    public static string Long(DateOnly day) => day.ToString("dddd d MMMM", CultureInfo.CurrentCulture);

    public static string Title(DateOnly day) => Capitalize(Long(day));

    public static string Short(DateOnly day) => Capitalize(day.ToString("ddd d", CultureInfo.CurrentCulture));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The yyyy-MM-dd form used in addresses.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a day written yyyy-MM-dd (ISO 8601), or gives the fallback when absent; false when malformed.</summary>
    public static bool TryParseIso(string? value, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(value))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
}
