using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Preau.Platform.Text;

namespace Preau.SchoolLife.Homework;

/// <summary>
/// What a teacher types in a rich-text field becomes safe HTML. With the editor script the field holds
/// HTML, which goes through <see cref="RichText.Sanitize"/>; without script it holds plain text, whose
/// paragraphs, line breaks and web addresses are kept (and then sanitised too).
/// </summary>
internal static partial class RichTextInput
{
    /// <summary>Safe HTML for the text or HTML typed; empty when nothing was typed.</summary>
    public static string ToSafeHtml(string? input, RichText sanitizer)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var html = LooksLikeHtml().IsMatch(input) ? input : FromPlainText(input);
        return sanitizer.Sanitize(html);
    }

    /// <summary>Whether sanitised HTML shows any text (an editor may leave "&lt;p&gt;&lt;br&gt;&lt;/p&gt;").</summary>
    public static bool HasText(string html) => RichText.ToPlainText(html).Length > 0;

    private static string FromPlainText(string text)
    {
        var builder = new StringBuilder();
        foreach (var paragraph in BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            var encoded = WebUtility.HtmlEncode(paragraph.Trim());
            encoded = Url().Replace(encoded, m => $"<a href=\"{m.Value}\">{m.Value}</a>");
            builder.Append("<p>").Append(encoded.Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
