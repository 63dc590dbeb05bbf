using System.Text.Json;
using System.Text.RegularExpressions;

namespace Preau.UnitTests.Platform;

/// <summary>
/// DESIGN.md, Web: every string goes through localization. French is the source; this test finds
/// every French text the code shows (localizer calls, field labels and hints, validation messages,
/// navigation labels) and requires an English translation in the module's Translations/en.json.
/// </summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void Strings_ShownToUsers_AreAllTranslatedIntoEnglish()
    {
        var root = RepositoryRoot();
        // A module may split its translations by capability: Translations/en.json, Translations/imports.en.json…
        var translations = Directory.GetFiles(Path.Combine(root, "src"), "*.json", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Translations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && (Path.GetFileName(f) == "en.json" || f.EndsWith(".en.json", StringComparison.Ordinal)))
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!)
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.First().Value);

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                         && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var text in FrenchStrings(File.ReadAllText(file)))
            {
                if (!translations.TryGetValue(text, out var english) || string.IsNullOrWhiteSpace(english))
                {
                    missing.Add($"{Path.GetRelativePath(root, file)}: {text}");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} strings have no English translation (run scripts/translations.py):\n" + string.Join("\n", missing.Take(60)));
    }

    [Fact]
    public void FrenchStrings_FindsEveryKindOfShownText()
    {
        var sample = """
            @L["Bonjour {0}", name] <field for="X" label="Nom" hint="Votre nom" option-label="Choisir" />
            localizer["Ligne\nsuivante"]; [Required(ErrorMessage = "Obligatoire.")] new NavigationEntry("Menu", "/m", "p", 1)
            <nav aria-label="@L["Menu principal"]"> return Fr("Trop court.");
            """;

        Assert.Equal(["Bonjour {0}", "Nom", "Votre nom", "Choisir", "Ligne\nsuivante", "Obligatoire.", "Menu", "Menu principal", "Trop court."], FrenchStrings(sample).ToArray());
    }

    internal static IEnumerable<string> FrenchStrings(string source)
    {
        foreach (Match match in Shown().Matches(source))
        {
            var text = match.Groups["text"].Value;
            if (text.Length > 0 && !text.StartsWith('@'))
            {
                yield return Unescape(text);
            }
        }
    }

    private static string Unescape(string literal) =>
        literal.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Preau.slnx")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }

    [GeneratedRegex("""(?:\b(?:L|localizer|Localizer|T)\[\s*"|(?<![-\w])(?:label|hint|option-label)="|ErrorMessage\s*=\s*"|\bFr\(\s*"|new\s+NavigationEntry\(\s*")(?<text>(?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Shown();
}
