using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Assessments;

/// <summary>What an import did.</summary>
internal sealed record CurriculumImport(int Added, int Updated, int Retired);

/// <summary>
/// Imports the territory's curriculum of competencies from a CSV file (docs/curriculum.md): one row per
/// competency, "cycle;domaine;code;competence". Rows are matched by code: a new code adds a competency, a
/// known one is updated, and a competency missing from the file is retired (kept for past assessments,
/// no longer offered). The whole file is checked first: one bad line and nothing changes.
/// </summary>
internal sealed class ImportCurriculum(SchoolLifeDbContext db, IStringLocalizer localizer)
{
    public const int MaxRows = 5_000;

    /// <summary>The default file shipped with Préau: the main competencies of cycles 1 to 3.</summary>
    public static Stream OpenDefault() =>
        typeof(ImportCurriculum).Assembly.GetManifestResourceStream("Preau.SchoolLife.Assessments.curriculum-default.csv")
        ?? throw new InvalidOperationException("The default curriculum is not embedded.");

    public async Task<Outcome<CurriculumImport>> HandleAsync(Stream csv, CancellationToken cancellationToken)
    {
        var rows = new List<(int Cycle, string Domain, string Code, string Label)>();
        var errors = new List<FieldError>();
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = await reader.ReadLineAsync(cancellationToken);
        if (header is null || !SplitLine(header).Select(h => h.ToLowerInvariant()).SequenceEqual(["cycle", "domaine", "code", "competence"]))
        {
            return Outcome<CurriculumImport>.Invalid("Upload", localizer["La première ligne doit être : cycle;domaine;code;competence."]);
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var line = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text && errors.Count < 20)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (rows.Count >= MaxRows)
            {
                return Outcome<CurriculumImport>.Invalid("Upload", localizer["Le fichier dépasse {0} compétences.", MaxRows]);
            }

            var fields = SplitLine(text);
            if (fields.Count != 4)
            {
                errors.Add(new("Upload", localizer["Ligne {0} : quatre colonnes sont attendues, séparées par des points-virgules.", line]));
                continue;
            }

            var (cycleText, domain, code, label) = (fields[0], fields[1], fields[2], fields[3]);
            if (!int.TryParse(cycleText, NumberStyles.None, CultureInfo.InvariantCulture, out var cycle) || cycle is < 1 or > 3)
            {
                errors.Add(new("Upload", localizer["Ligne {0} : le cycle est 1, 2 ou 3.", line]));
            }
            else if (domain.Length is 0 or > 200 || label.Length is 0 or > 500)
            {
                errors.Add(new("Upload", localizer["Ligne {0} : le domaine (200 caractères au plus) et la compétence (500 au plus) sont obligatoires.", line]));
            }
            else if (code.Length is 0 or > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                errors.Add(new("Upload", localizer["Ligne {0} : le code est obligatoire (lettres, chiffres, tirets ; 40 caractères au plus).", line]));
            }
            else if (!codes.Add(code))
            {
                errors.Add(new("Upload", localizer["Ligne {0} : le code {1} apparaît deux fois.", line, code]));
            }
            else
            {
                rows.Add((cycle, domain, code, label));
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<CurriculumImport>.Invalid(errors);
        }

        if (rows.Count == 0)
        {
            return Outcome<CurriculumImport>.Invalid("Upload", localizer["Le fichier ne contient aucune compétence."]);
        }

        var existing = await db.Competencies.ToDictionaryAsync(c => c.Code, cancellationToken);
        foreach (var row in rows.Where(r => existing.TryGetValue(r.Code, out var known) && known.Cycle != r.Cycle))
        {
            errors.Add(new("Upload", localizer["Le code {0} existe déjà dans un autre cycle : donnez un nouveau code à cette compétence.", row.Code]));
        }

        if (errors.Count > 0)
        {
            return Outcome<CurriculumImport>.Invalid(errors);
        }

        int added = 0, updated = 0, retired = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var (cycle, domain, code, label) = rows[i];
            if (existing.Remove(code, out var competency))
            {
                if (competency.Domain != domain || competency.Label != label || competency.Order != i || competency.IsRetired)
                {
                    updated++;
                }

                competency.Domain = domain;
                competency.Label = label;
                competency.Order = i;
                competency.IsRetired = false;
            }
            else
            {
                db.Competencies.Add(new Competency { Cycle = cycle, Code = code, Domain = domain, Label = label, Order = i });
                added++;
            }
        }

        foreach (var gone in existing.Values.Where(c => !c.IsRetired))
        {
            gone.IsRetired = true;
            retired++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CurriculumImport>.Success(new CurriculumImport(added, updated, retired));
    }

    /// <summary>
    /// The fields of one line: separated by semicolons, trimmed, optionally in double quotes (a doubled
    /// quote inside stands for one, RFC 4180). A field never spans lines in this format.
    /// </summary>
    public static IReadOnlyList<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                current.Clear();
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }
}
