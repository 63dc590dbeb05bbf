using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Preau.Platform.Localization;

/// <summary>An assembly whose embedded "Translations/{culture}.json" files translate its French strings.</summary>
public sealed record TranslationSource(Assembly Assembly);

/// <summary>
/// French is the source language: the key of every string is its French text (as gettext does), so
/// pages read naturally and a missing translation falls back to French, never to a code.
/// Other languages come from JSON files embedded in each module ("Translations/en.json").
/// </summary>
public sealed class Translations : IStringLocalizer
{
    /// <summary>The cultures Préau is translated into; French first.</summary>
    public static readonly IReadOnlyList<CultureInfo> SupportedCultures = [new("fr-FR"), new("en")];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    /// <summary>Loads the translations of every registered module.</summary>
    public Translations(IEnumerable<TranslationSource> sources)
    {
        var byLanguage = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources.DistinctBy(s => s.Assembly))
        {
            foreach (var resource in source.Assembly.GetManifestResourceNames().Where(n => n.Contains(".Translations.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
            {
                var language = resource.Split('.')[^2];
                using var stream = source.Assembly.GetManifestResourceStream(resource)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
                var target = byLanguage.TryGetValue(language, out var existing) ? existing : byLanguage[language] = new(StringComparer.Ordinal);
                foreach (var (key, value) in entries)
                {
                    target[key] = value;
                }
            }
        }

        _byLanguage = byLanguage.ToFrozenDictionary(l => l.Key, l => l.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public LocalizedString this[string name] => Translate(name, []);

    /// <inheritdoc />
    public LocalizedString this[string name, params object[] arguments] => Translate(name, arguments);

    /// <summary>The keys translated into a language (used by the test that finds untranslated strings).</summary>
    public IReadOnlySet<string> KeysOf(string language) =>
        _byLanguage.TryGetValue(language, out var entries) ? entries.Keys.ToHashSet() : new HashSet<string>();

    /// <inheritdoc />
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _byLanguage.TryGetValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var entries)
            ? entries.Select(e => new LocalizedString(e.Key, e.Value))
            : [];

    private LocalizedString Translate(string name, object[] arguments)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var found = true;
        var text = name;
        if (language != "fr")
        {
            found = _byLanguage.TryGetValue(language, out var entries) && entries.TryGetValue(name, out text!);
            text = found ? text : name;
        }

        if (arguments.Length > 0)
        {
            text = string.Format(CultureInfo.CurrentCulture, text, arguments);
        }

        return new LocalizedString(name, text, resourceNotFound: !found);
    }
}

/// <summary>Serves the same <see cref="Translations"/> for every type, so IStringLocalizer&lt;T&gt; works too.</summary>
internal sealed class TranslationsFactory(Translations translations) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => translations;

    public IStringLocalizer Create(string baseName, string location) => translations;
}

/// <summary>Registration of translations.</summary>
public static class TranslationRegistration
{
    /// <summary>Registers the embedded translations of a module's assembly.</summary>
    public static IServiceCollection AddTranslations(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new TranslationSource(assembly));
        return services;
    }
}
