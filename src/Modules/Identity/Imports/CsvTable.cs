using CsvHelper;
using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>A column a roster file may have: its name in docs/imports.md and the other spellings accepted.</summary>
internal sealed record CsvColumn(string Name, bool Required, params string[] Aliases)
{
    public IEnumerable<string> Keys => Aliases.Prepend(Name).Select(RosterRules.NormalizeHeader);
}

/// <summary>
/// One CSV file of a roster, read line by line: its columns found by name (any order, any case, with or
/// without accents), each value trimmed, each rejection reported with the file, the line and the column.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    public static readonly string MissingColumns = Text.Fr("Il manque dans « {0} » la ou les colonnes obligatoires : {1}.");
    public static readonly string Empty = Text.Fr("Le fichier « {0} » est vide : il faut au moins la ligne des titres de colonnes.");
    public static readonly string LineTooLong = Text.Fr("Le fichier « {0} » contient une ligne de plus d’un mégaoctet, ou des guillemets jamais refermés : il ne peut pas être lu.");

    private readonly CsvReader _reader;
    private readonly Dictionary<CsvColumn, int> _indexes;
    private readonly RosterIssues _issues;
    private readonly ImportProgress _progress;

    private CsvTable(string fileName, CsvReader reader, Dictionary<CsvColumn, int> indexes, RosterIssues issues, ImportProgress progress)
    {
        FileName = fileName;
        _reader = reader;
        _indexes = indexes;
        _issues = issues;
        _progress = progress;
    }

    public string FileName { get; }

    /// <summary>The line of the current record in the file (the header is line 1).</summary>
    public int Line => (int)_reader.LineNumber;

    /// <summary>Opens a file and checks that it has every required column.</summary>
    public static CsvTable Open(Stream stream, string fileName, RosterEncoding encoding, IReadOnlyList<CsvColumn> columns, RosterIssues issues, ImportProgress progress)
    {
        var reader = RosterText.OpenCsv(stream, encoding, malformed => issues.Reject(fileName, (int)malformed.LineNumber, null, RosterIssues.MalformedLine));
        try
        {
            Guarded(() =>
            {
                reader.ReadHeader();
                return true;
            }, fileName);
            var headers = reader.Headers.Select(RosterRules.NormalizeHeader).ToList();
            if (headers.All(h => h.Length == 0))
            {
                throw new RosterFileException(Empty, fileName);
            }

            var indexes = new Dictionary<CsvColumn, int>(ReferenceEqualityComparer.Instance);
            foreach (var column in columns)
            {
                var index = column.Keys.Select(k => headers.IndexOf(k)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
                if (index >= 0)
                {
                    indexes[column] = index;
                }
            }

            var missing = columns.Where(c => c.Required && !indexes.ContainsKey(c)).Select(c => c.Name).ToList();
            if (missing.Count > 0)
            {
                throw new RosterFileException(MissingColumns, fileName, string.Join(", ", missing));
            }

            return new CsvTable(fileName, reader, indexes, issues, progress);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        var more = Guarded(_reader.Read, FileName);
        if (more)
        {
            _progress.LineRead();
        }

        return more;
    }

    private static bool Guarded(Func<bool> read, string fileName)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException)
        {
            throw new RosterFileException(LineTooLong, fileName);
        }
    }

    public bool Has(CsvColumn column) => _indexes.ContainsKey(column);

    /// <summary>The trimmed value of a column on the current line; null when it is empty or the file has no such column.</summary>
    public string? this[CsvColumn column] =>
        _indexes.TryGetValue(column, out var index) && !_reader.IsEmpty(index) && _reader.GetString(index) is { Length: > 0 } value ? value : null;

    /// <summary>Rejects the current line.</summary>
    public void Reject(CsvColumn? column, string reason, string? value = null) =>
        _issues.Reject(FileName, Line, column?.Name, reason, value);

    public void Dispose() => _reader.Dispose();
}
