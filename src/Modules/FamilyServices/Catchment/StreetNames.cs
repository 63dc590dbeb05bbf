using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Preau.FamilyServices.Catchment;

/// <summary>
/// Street names as families and town agents write them, reduced to one comparable form: "Av. Jean-Jaurès",
/// "avenue jean jaures" and "AVENUE JEAN JAURES" all give "avenue jean jaures". Accents, case, punctuation
/// and the usual abbreviations of street types (the BAN's list) do not matter; articles ("de la", "du")
/// are dropped, since people omit them ("rue Paix" for "rue de la Paix").
/// </summary>
internal static partial class StreetNames
{
    public const int MaxLength = 200;

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["all"] = "allee",
        ["av"] = "avenue",
        ["ave"] = "avenue",
        ["bd"] = "boulevard",
        ["bld"] = "boulevard",
        ["bvd"] = "boulevard",
        ["ch"] = "chemin",
        ["chem"] = "chemin",
        ["crs"] = "cours",
        ["fbg"] = "faubourg",
        ["ham"] = "hameau",
        ["imp"] = "impasse",
        ["lot"] = "lotissement",
        ["pas"] = "passage",
        ["pl"] = "place",
        ["pte"] = "porte",
        ["qu"] = "quai",
        ["r"] = "rue",
        ["res"] = "residence",
        ["rle"] = "ruelle",
        ["rpt"] = "rond point",
        ["rte"] = "route",
        ["sq"] = "square",
        ["sen"] = "sente",
        ["st"] = "saint",
        ["ste"] = "sainte",
        ["gal"] = "general",
        ["gen"] = "general",
        ["mal"] = "marechal",
        ["pdt"] = "president",
        ["prof"] = "professeur",
        ["dr"] = "docteur",
        ["vla"] = "villa",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "et" };

    /// <summary>The comparable form of a street name (empty for an empty name).</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var decomposed = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                _ when char.IsLetterOrDigit(c) => c.ToString(),
                _ => " ",
            });
        }

        var words = Spaces().Split(builder.ToString().Trim())
            .Where(w => w.Length > 0)
            .Select(w => Abbreviations.GetValueOrDefault(w, w))
            .Where(w => !Articles.Contains(w))
            .ToList();
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>A house number as written: "12", "12 bis", "12B", "12-14" (the first number counts).</summary>
internal static partial class HouseNumbers
{
    public const int Maximum = 99_999;

    /// <summary>The number, or null when there is none or it is out of range.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Leading().Match(text.Trim());
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= Maximum
            ? number
            : null;
    }

    [GeneratedRegex(@"^(\d{1,6})(?:\s*(?:bis|ter|quater|[a-z]))?(?:\s*[-/à]\s*\d{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Leading();
}
