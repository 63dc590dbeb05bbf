using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Preau.Platform.Web;

/// <summary>
/// The list of a form's errors at the top of the form, each linking to its field, focused on load
/// so screen-reader users hear it first (the GOV.UK error summary pattern).
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer localizer) : TagHelper
{
    /// <summary>The page's view context.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert--error error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-autofocus", "true");

        var title = new TagBuilder("h2");
        title.AddCssClass("alert__title");
        title.InnerHtml.Append(localizer["Le formulaire contient des erreurs"]);
        output.Content.AppendHtml(title);

        var list = new TagBuilder("ul");
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }))
        {
            foreach (var error in entry!.Errors)
            {
                var item = new TagBuilder("li");
                if (string.IsNullOrEmpty(key))
                {
                    item.InnerHtml.Append(error.ErrorMessage);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(key, "_");
                    link.InnerHtml.Append(error.ErrorMessage);
                    item.InnerHtml.AppendHtml(link);
                }

                list.InnerHtml.AppendHtml(item);
            }
        }

        output.Content.AppendHtml(list);
    }
}
