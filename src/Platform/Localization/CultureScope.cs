using System.Globalization;

namespace Preau.Platform.Localization;

/// <summary>
/// Switches the current culture for a block, to write a notification or an e-mail in its recipient's
/// language from a background handler: <c>using (CultureScope.For("en")) { … }</c>.
/// </summary>
public readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CultureScope(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Enters a supported language ("fr", "en"); anything else falls back to French.</summary>
    public static CultureScope For(string? language) =>
        new(Translations.SupportedCultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == language) ?? Translations.SupportedCultures[0]);

    /// <inheritdoc />
    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
