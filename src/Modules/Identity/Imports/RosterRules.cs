using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;

namespace Preau.Identity.Imports;

/// <summary>
/// The rules a roster's values must follow, and how Préau reads the many ways school tools write them
/// (docs/imports.md lists every accepted spelling). Pure functions, unit-tested one by one.
/// </summary>
internal static class RosterRules
{
    /// <summary>Longest name, e-mail or identifier kept (the columns' sizes).</summary>
    public const int MaxNameLength = 100;

    public const int MaxIdentifierLength = 100;

    public const int MaxEmailLength = 256;

    /// <summary>
    /// A column header reduced to what matters: lower case, no accents, words joined by "_"
    /// ("Date de naissance" and "DATE_NAISSANCE" both become comparable keys).
    /// </summary>
    public static string NormalizeHeader(string header) => string.Join('_', Words(header));

    /// <summary>A person's name as compared between two files: case, accents, hyphens and spaces do not matter.</summary>
    public static string NormalizeName(string name) => string.Concat(Words(name));

    private static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>An e-mail address a message can be sent to: one @, a domain with a dot, no spaces or display name.</summary>
    public static bool IsValidEmail(string email)
    {
        if (email.Length > MaxEmailLength || email.Any(char.IsWhiteSpace) || email.Count(c => c == '@') != 1)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = email[(at + 1)..];
        return at > 0 && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.')
            && MailAddress.TryCreate(email, out var address) && address.Address == email;
    }

    /// <summary>
    /// A phone number as school tools write it (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78,
    /// 0033612345678) in one form: 10 digits for a French number, "+" and 8 to 15 digits otherwise
    /// (ITU-T E.164). Null when it is not a phone number.
    /// </summary>
    public static string? NormalizePhone(string phone)
    {
        var trimmed = phone.Trim();
        if (trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '+' or '(' or ')' or '/')))
        {
            return null;
        }

        var international = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal);
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (international)
        {
            // +33 6… is a French number: write it the French way.
            if (digits.StartsWith("33", StringComparison.Ordinal) && digits.Length == 11)
            {
                return "0" + digits[2..];
            }

            return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        }

        return digits.Length == 10 && digits[0] == '0' ? digits : null;
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "yyyyMMdd"];

    /// <summary>A date as French tools write it (31/12/2015) or in ISO 8601 (2015-12-31).</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        var trimmed = text.Trim();
        // OneRoster dates may carry a time ("2026-09-01T00:00:00Z"): the day is what counts.
        if (trimmed.Length > 10 && trimmed[4] == '-' && trimmed[10] == 'T')
        {
            trimmed = trimmed[..10];
        }

        return DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// A pupil's birth date is plausible from nursery school (2 years old) to the end of secondary school
    /// and beyond for late or adult pupils: between 1 and 30 years before today.
    /// </summary>
    public static bool IsPlausiblePupilBirthDate(DateOnly birthDate, DateOnly today) =>
        birthDate <= today.AddYears(-1) && birthDate >= today.AddYears(-30);

    private static readonly Dictionary<string, string> LevelAliases = BuildLevelAliases();

    private static Dictionary<string, string> BuildLevelAliases()
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var level in Levels.All)
        {
            aliases[NormalizeName(level)] = level;
        }

        // French spellings of the same levels.
        foreach (var (alias, level) in new (string, string)[]
        {
            ("toute petite section", "TPS"), ("petite section", "PS"), ("moyenne section", "MS"), ("grande section", "GS"),
            ("cours preparatoire", "CP"), ("6eme", "6e"), ("sixieme", "6e"), ("5eme", "5e"), ("cinquieme", "5e"),
            ("4eme", "4e"), ("quatrieme", "4e"), ("3eme", "3e"), ("troisieme", "3e"), ("seconde", "2de"), ("2nde", "2de"),
            ("premiere", "1re"), ("1ere", "1re"), ("terminale", "Tle"), ("term", "Tle"),
        })
        {
            aliases[NormalizeName(alias)] = level;
        }

        // OneRoster grades are CEDS codes (US grades); French school starts a year earlier:
        // toute petite section at 2 (IT), PS at 3 (PR), MS at 4 (PK), GS at 5 (KG), CP at 6 (grade 01).
        foreach (var (code, level) in new (string, string)[]
        {
            ("IT", "TPS"), ("PR", "PS"), ("PK", "MS"), ("TK", "GS"), ("KG", "GS"), ("01", "CP"), ("02", "CE1"), ("03", "CE2"), ("04", "CM1"),
            ("05", "CM2"), ("06", "6e"), ("07", "5e"), ("08", "4e"), ("09", "3e"), ("10", "2de"), ("11", "1re"), ("12", "Tle"),
        })
        {
            aliases[NormalizeName(code)] = level;
        }

        return aliases;
    }

    /// <summary>The level of the French school system ("CM2", "6e") for a French label or a OneRoster grade code; null if unknown.</summary>
    public static string? NormalizeLevel(string text) => LevelAliases.GetValueOrDefault(NormalizeName(text));

    /// <summary>
    /// The kind of a school, from its name first ("École maternelle des Tilleuls", "Collège Victor-Hugo"),
    /// else from the levels of its classes; an école with both nursery and elementary levels is primaire.
    /// </summary>
    public static SchoolKind InferSchoolKind(string name, IEnumerable<string> levels)
    {
        var words = NormalizeHeader(name).Split('_');
        if (words.Contains("maternelle"))
        {
            return SchoolKind.Maternelle;
        }

        if (words.Contains("elementaire"))
        {
            return SchoolKind.Elementaire;
        }

        if (words.Contains("primaire"))
        {
            return SchoolKind.Primaire;
        }

        if (words.Contains("college"))
        {
            return SchoolKind.College;
        }

        if (words.Contains("lycee"))
        {
            return SchoolKind.Lycee;
        }

        var ranks = levels.Select(l => Levels.All.ToList().IndexOf(l)).Where(i => i >= 0).ToList();
        var nursery = ranks.Any(i => i <= Rank("GS"));
        var elementary = ranks.Any(i => i >= Rank("CP") && i <= Rank("CM2"));
        return (nursery, elementary) switch
        {
            (true, true) => SchoolKind.Primaire,
            (true, false) => SchoolKind.Maternelle,
            (false, true) => SchoolKind.Elementaire,
            _ when ranks.Any(i => i >= Rank("2de")) => SchoolKind.Lycee,
            _ when ranks.Count > 0 => SchoolKind.College,
            _ => SchoolKind.Primaire,
        };

        static int Rank(string level) => Levels.All.ToList().IndexOf(level);
    }

    private static readonly Dictionary<string, GuardianRelation> RelationAliases = new(StringComparer.Ordinal)
    {
        // ONDE and SIECLE write the link ("MERE", "PERE", "TUTEUR"…) or the civility ("Mme", "M.").
        ["mere"] = GuardianRelation.Mother,
        ["mme"] = GuardianRelation.Mother,
        ["madame"] = GuardianRelation.Mother,
        ["pere"] = GuardianRelation.Father,
        ["m"] = GuardianRelation.Father,
        ["mr"] = GuardianRelation.Father,
        ["monsieur"] = GuardianRelation.Father,
        ["tuteur"] = GuardianRelation.LegalGuardian,
        ["tutrice"] = GuardianRelation.LegalGuardian,
        ["tuteurlegal"] = GuardianRelation.LegalGuardian,
        ["tutricelegale"] = GuardianRelation.LegalGuardian,
        ["tuteurtrice"] = GuardianRelation.LegalGuardian,
        ["responsablelegal"] = GuardianRelation.LegalGuardian,
        ["autre"] = GuardianRelation.Other,
        ["autremembredelafamille"] = GuardianRelation.Other,
        ["famille"] = GuardianRelation.Other,
        ["familledaccueil"] = GuardianRelation.Other,
        ["ase"] = GuardianRelation.Other,
        ["aidesocialealenfance"] = GuardianRelation.Other,
        ["educateur"] = GuardianRelation.Other,
    };

    /// <summary>The kind of link ("Mère", "PERE", "Mme", "Tuteur légal", "Autre"); null when it is not recognised.</summary>
    public static GuardianRelation? ParseRelation(string text) =>
        RelationAliases.TryGetValue(NormalizeName(text), out var relation) ? relation : null;

    /// <summary>"oui"/"non" as spreadsheets write it (O, N, X, 1, 0, vrai, faux, true, false); null when it is neither.</summary>
    public static bool? ParseYesNo(string text) => NormalizeName(text) switch
    {
        "oui" or "o" or "x" or "1" or "vrai" or "true" or "yes" or "y" => true,
        "non" or "n" or "0" or "faux" or "false" or "no" => false,
        _ => null,
    };

    /// <summary>
    /// The national pupil identifier (INE): 11 characters, 10 digits and a letter (INE-BEA, ONDE) or
    /// 9 digits and 2 letters (INE-RNIE).
    /// </summary>
    public static bool IsValidIne(string ine) =>
        ine.Length == 11 && ine[..9].All(char.IsAsciiDigit)
        && (char.IsAsciiDigit(ine[9]) ? char.IsAsciiLetterUpper(ine[10]) : char.IsAsciiLetterUpper(ine[9]) && char.IsAsciiLetterUpper(ine[10]));

    /// <summary>An identifier of the file (sourcedId, class name): not empty, not too long, no control characters.</summary>
    public static bool IsValidIdentifier(string value) =>
        value.Length is > 0 and <= MaxIdentifierLength && !value.Any(char.IsControl);

    /// <summary>A name: at most 100 characters, no control characters.</summary>
    public static bool IsValidName(string value) => value.Length is > 0 and <= MaxNameLength && !value.Any(char.IsControl);

    /// <summary>"2026-2027" for the year that starts in September 2026.</summary>
    public static string SchoolYearLabel(int startYear) => $"{startYear}-{startYear + 1}";

    /// <summary>Parses "2026-2027" (or "2026/2027"); returns its first year.</summary>
    public static int? ParseSchoolYearLabel(string text)
    {
        var parts = text.Trim().Split('-', '/');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end == start + 1 && start is > 1990 and < 2200
            ? start
            : null;
    }

    /// <summary>The usual dates of a French school year when the file gives none: 1 September to the first days of July.</summary>
    public static (DateOnly StartsOn, DateOnly EndsOn) DefaultSchoolYearDates(int startYear) =>
        (new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 7, 4));

    /// <summary>
    /// The key of a class of the French CSV, which carries no identifier: its school, year and name.
    /// The same class in two files gets the same key, so re-importing finds it.
    /// </summary>
    public static string FrenchClassKey(string uai, string yearLabel, string className) =>
        "fr-classe:" + Digest($"{uai}|{yearLabel}|{NormalizeName(className)}");

    /// <summary>
    /// The key of a guardian of the French CSV, which carries no identifier: the name with the e-mail,
    /// else the phone, else the pupil's INE. Siblings' lines with the same guardian get the same key.
    /// </summary>
    public static string FrenchGuardianKey(string lastName, string firstName, string? email, string? phone, string pupilIne) =>
        "fr-resp:" + Digest($"{NormalizeName(lastName)}|{NormalizeName(firstName)}|{email?.ToLowerInvariant() ?? phone ?? pupilIne}");

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
