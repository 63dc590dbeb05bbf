using System.Globalization;
using Preau.Identity.Contracts;

namespace Preau.Web;

/// <summary>
/// The territory's theme as a stylesheet, so that pages need no inline style (the CSP forbids it).
/// Colours are checked for contrast when the territory saves them.
/// </summary>
internal static class Theme
{
    public const string DefaultPrimary = "#1f4e8c";

    public static async Task<IResult> RenderAsync(HttpContext context, IStructureDirectory directory)
    {
        var theme = await directory.GetCurrentThemeAsync(context.RequestAborted);
        var primary = theme?.PrimaryColor is { Length: 7 } color && color[0] == '#' && color[1..].All(char.IsAsciiHexDigit) ? color : DefaultPrimary;
        // The layout links /theme.css?v=<colour>: a new colour is a new address, so caching long is safe.
        context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v") ? "private, max-age=86400" : "private, max-age=300";
        var css = string.Create(CultureInfo.InvariantCulture, $":root {{ --color-primary: {primary}; --color-primary-dark: color-mix(in srgb, {primary} 75%, black); --color-primary-light: color-mix(in srgb, {primary} 10%, white); }}\n");
        return Results.Text(css, "text/css; charset=utf-8");
    }
}
