using Ganss.Xss;

namespace Preau.Platform.Text;

/// <summary>
/// Rich text written by people (homework, news, blog posts, messages), sanitised before it is stored
/// and shown: a small allow-list of structural tags, links only over http(s)/mailto, no style, no
/// script, no external images (tracking pixels), no event handlers.
/// </summary>
public sealed class RichText
{
    /// <summary>The largest rich text accepted (characters of HTML).</summary>
    public const int MaxLength = 100_000;

    private readonly HtmlSanitizer _sanitizer;

    /// <summary>Builds the sanitiser with Préau's allow-list.</summary>
    public RichText()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "img", "hr", "span" })
        {
            _sanitizer.AllowedTags.Add(tag);
        }

        _sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "title", "src", "alt", "colspan", "rowspan", "lang", "dir" })
        {
            _sanitizer.AllowedAttributes.Add(attribute);
        }

        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            _sanitizer.AllowedSchemes.Add(scheme);
        }

        _sanitizer.AllowDataAttributes = false;
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (element.LocalName == "a")
                {
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                }

                // Images only from Préau itself: an external image would tell a third party who read what.
                if (element.LocalName == "img" && element.GetAttribute("src") is { } src && !src.StartsWith('/'))
                {
                    element.Remove();
                }
            }
        };
    }

    /// <summary>Returns safe HTML to store and show as is.</summary>
    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? string.Empty : _sanitizer.Sanitize(html).Trim();

    /// <summary>The text of some HTML, for previews, e-mails and search.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        return System.Text.RegularExpressions.Regex.Replace(document.Body?.TextContent ?? string.Empty, @"\s+", " ").Trim();
    }
}
