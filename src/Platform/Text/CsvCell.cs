namespace Preau.Platform.Text;

/// <summary>The cells of the semicolon-separated CSV files Préau exports (opened by spreadsheets in French).</summary>
public static class CsvCell
{
    /// <summary>A text cell: never read as a formula by a spreadsheet (OWASP CSV injection), quoted when it holds ; " or a line break.</summary>
    public static string Of(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
