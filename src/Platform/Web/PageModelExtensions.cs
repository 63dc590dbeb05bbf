using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Preau.Platform.Web;

/// <summary>Small habits shared by every page.</summary>
public static class PageModelExtensions
{
    /// <summary>The TempData key of the message shown once after a redirect.</summary>
    public const string StatusKey = "Preau.Status";

    /// <summary>Shows a confirmation (already translated) on the next page.</summary>
    public static void Flash(this PageModel page, string message) => page.TempData[StatusKey] = message;
}
