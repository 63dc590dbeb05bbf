using System.Globalization;
using System.Text;
using Preau.Platform.Text;

namespace Preau.FamilyServices.Statistics;

/// <summary>
/// A table written as CSV for a French spreadsheet: semicolons, decimal comma, UTF-8 with a byte-order
/// mark (Excel then reads the accents), a header row. Texts that a spreadsheet would run as a formula
/// (starting with = + - @, a tab or a carriage return) are prefixed with an apostrophe (OWASP, CSV
/// injection); numbers are written by the code, never taken from users, and stay numbers.
/// </summary>
internal sealed class StatisticsCsv
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly StringBuilder _text = new();

    public StatisticsCsv(IEnumerable<string> headers) => Append(headers.Select(CsvCell.Of));

    /// <summary>Adds a row: strings are texts, numbers are numbers, null is an empty cell.</summary>
    public StatisticsCsv Row(params object?[] cells)
    {
        Append(cells.Select(Cell));
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    /// <summary>One cell's text.</summary>
    internal static string Cell(object? value) => value switch
    {
        null => string.Empty,
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        // No thousands separator: a spreadsheet reads "1234,5" as a number, not "1 234,5".
        decimal d => d.ToString("0.##", French),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Month month => month.ToString(),
        string s => CsvCell.Of(s),
        _ => CsvCell.Of(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private void Append(IEnumerable<string> cells) => _text.Append(string.Join(';', cells)).Append("\r\n");
}
