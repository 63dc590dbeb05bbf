using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Preau.FamilyServices.Statistics;

/// <summary>One bar: its label, its value and the text written beside it (the value, or a rate).</summary>
internal sealed record Bar(string Label, decimal Value, string ValueText);

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server (no script, no chart library): one row per
/// bar with its label, its bar and its value written out, so that nothing is said by colour or length
/// alone. The SVG is an image with a French accessible name (<c>role="img"</c>, <c>aria-label</c> and
/// <c>&lt;title&gt;</c>); the page shows the same figures in a table for screen readers and keyboards.
/// </summary>
internal static class BarChart
{
    public const int RowHeight = 24;
    public const int Width = 640;
    private const int LabelWidth = 200;
    private const int ValueWidth = 90;
    private const int MaxLabelLength = 28;

    /// <summary>Accents stay readable in the markup; markup characters are escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Render(string id, string accessibleName, IReadOnlyList<Bar> bars)
    {
        var encoder = Encoder;
        var max = bars.Count == 0 ? 0m : bars.Max(b => b.Value);
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var barSpace = Width - LabelWidth - ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{encoder.Encode(id)}\" role=\"img\" aria-label=\"{encoder.Encode(accessibleName)}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" focusable=\"false\">");
        svg.Append("<title>").Append(encoder.Encode(accessibleName)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 4 + i * RowHeight;
            var length = max <= 0 || bar.Value <= 0 ? 0 : Math.Max(2, (int)Math.Round(bar.Value / max * barSpace, MidpointRounding.AwayFromZero));
            var label = bar.Label.Length > MaxLabelLength ? bar.Label[..(MaxLabelLength - 1)] + "…" : bar.Label;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"chart__row\" data-label=\"{encoder.Encode(bar.Label)}\" data-value=\"{bar.Value.ToString(CultureInfo.InvariantCulture)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__label\" x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{encoder.Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length}\" height=\"{RowHeight - 6}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__value\" x=\"{LabelWidth + length + 6}\" y=\"{y + 16}\">{encoder.Encode(bar.ValueText)}</text>");
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
