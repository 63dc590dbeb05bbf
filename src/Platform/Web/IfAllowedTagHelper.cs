using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Preau.Platform.Web;

/// <summary>
/// Renders an element only for a reader the policy allows: <c>&lt;li if-allowed="schoollife.rollcall.take"&gt;</c>.
/// A link to a page that would refuse its reader is a dead end; the demo crawl checks that none is shown.
/// </summary>
[HtmlTargetElement(Attributes = "if-allowed")]
public sealed class IfAllowedTagHelper(IAuthorizationService authorization) : TagHelper
{
    /// <summary>The permission (policy name) the reader needs to see the element.</summary>
    [HtmlAttributeName("if-allowed")]
    public required string Policy { get; set; }

    /// <summary>The page's view context.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!(await authorization.AuthorizeAsync(ViewContext.HttpContext.User, Policy)).Succeeded)
        {
            output.SuppressOutput();
        }
    }
}
