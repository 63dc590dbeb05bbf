using System.Globalization;
using System.Net;
using System.Text;
using Preau.Platform.Text;

namespace Preau.Communication.Messaging;

/// <summary>Turns what people type into the stored, safe forms of a message.</summary>
internal static class MessageText
{
    /// <summary>Plain text typed in the page's text area, as paragraphs of safe HTML.</summary>
    public static string FromPlain(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));
    }

    /// <summary>Lower-case text without accents, for the search in one's own messages.</summary>
    public static string ForSearch(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(Math.Min(decomposed.Length, 4000));
        foreach (var c in decomposed)
        {
            if (builder.Length >= 4000)
            {
                break;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The first words, for the inbox list.</summary>
    public static string Preview(string html)
    {
        var plain = RichText.ToPlainText(html);
        return plain.Length <= 160 ? plain : plain[..159] + "…";
    }
}
