using System.Globalization;

namespace Preau.Identity.Territories;

/// <summary>
/// The territory's primary colour and the contrast it must keep. The design system writes white text
/// on it (header, buttons) and uses it as text and links on white and on its light tint
/// (<c>--color-primary-light</c>, 10 % of the colour mixed with white): each pair must reach the
/// WCAG 2.1 AA ratio of 4.5:1 for normal text (success criterion 1.4.3, RGAA criterion 3.2).
/// </summary>
internal static class ThemeColor
{
    /// <summary>WCAG 2.1, 1.4.3 (AA): 4.5:1 for text of normal size.</summary>
    public const double MinimumContrast = 4.5;

    private static readonly (double R, double G, double B) White = (1, 1, 1);

    /// <summary>Normalises "#1F4E8C", "1f4e8c" or "#1f4e8c " to "#1f4e8c"; null when it is not a 6-digit hex colour.</summary>
    public static string? Normalize(string? value)
    {
        var hex = value?.Trim().TrimStart('#');
        return hex is { Length: 6 } && hex.All(char.IsAsciiHexDigit) ? "#" + hex.ToLowerInvariant() : null;
    }

    /// <summary>The lowest contrast ratio among the pairs the design system uses (see the type's remarks).</summary>
    public static double WorstContrast(string normalizedColor)
    {
        var color = Channels(normalizedColor);
        var tint = (Mix(color.R), Mix(color.G), Mix(color.B));
        return Math.Min(Contrast(color, White), Contrast(color, tint));

        // CSS color-mix(in srgb, colour 10%, white): mixes the gamma-encoded channels.
        static double Mix(double channel) => (0.1 * channel) + 0.9;
    }

    /// <summary>Whether the colour may be saved as the territory's primary colour.</summary>
    public static bool IsReadable(string normalizedColor) => WorstContrast(normalizedColor) >= MinimumContrast;

    /// <summary>WCAG 2.1 contrast ratio: (L1 + 0.05) / (L2 + 0.05), L1 the lighter relative luminance.</summary>
    public static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        var la = Luminance(a);
        var lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Relative luminance of gamma-encoded sRGB channels in [0, 1] (WCAG 2.1 definition).</summary>
    private static double Luminance((double R, double G, double B) c) =>
        (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(double channel) =>
        channel <= 0.04045 ? channel / 12.92 : Math.Pow((channel + 0.055) / 1.055, 2.4);

    private static (double R, double G, double B) Channels(string normalizedColor)
    {
        double Channel(int start) => int.Parse(normalizedColor.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return (Channel(1), Channel(3), Channel(5));
    }
}
