using System.Net;
using Preau.Platform.Text;

namespace Preau.Communication.Publishing;

/// <summary>
/// What people type in a text area becomes safe HTML: plain text keeps its paragraphs and line breaks;
/// text holding HTML (pasted from a word processor) goes through the sanitiser (no script, no style,
/// no external image, no event handler).
/// </summary>
internal static class RichInput
{
    public static string ToSafeHtml(RichText richText, string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var text = input.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Contains('<', StringComparison.Ordinal))
        {
            return richText.Sanitize(text);
        }

        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => "<p>" + Encode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>");
        return string.Concat(paragraphs);
    }

    /// <summary>Escapes the five characters HTML reserves, and nothing else (accents stay readable in the stored text).</summary>
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>Whether sanitised HTML still says something (a body made only of a script is empty).</summary>
    public static bool IsBlank(string safeHtml) =>
        string.IsNullOrWhiteSpace(RichText.ToPlainText(safeHtml)) && !safeHtml.Contains("<img", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text to put back in the text area when editing: plain text again when it was only paragraphs.</summary>
    public static string ToEditable(string safeHtml)
    {
        var withoutParagraphs = safeHtml.Replace("<p>", string.Empty, StringComparison.Ordinal).Replace("</p>", string.Empty, StringComparison.Ordinal).Replace("<br>", string.Empty, StringComparison.Ordinal);
        if (withoutParagraphs.Contains('<', StringComparison.Ordinal))
        {
            return safeHtml;
        }

        var text = safeHtml.Replace("</p><p>", "\n\n", StringComparison.Ordinal).Replace("<br>", "\n", StringComparison.Ordinal)
            .Replace("<p>", string.Empty, StringComparison.Ordinal).Replace("</p>", string.Empty, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(text);
    }
}
