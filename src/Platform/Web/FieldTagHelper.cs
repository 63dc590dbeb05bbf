using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Preau.Platform.Web;

/// <summary>
/// A form field of the design system: label, optional hint, error message and control, tied together
/// with for/aria-describedby/aria-invalid (RGAA 11.1, 11.10). Usage:
/// &lt;field for="Input.Email" label="Adresse électronique" type="email" autocomplete="email" /&gt;.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator, IStringLocalizer localizer) : TagHelper
{
    /// <summary>The bound property.</summary>
    public required ModelExpression For { get; set; }

    /// <summary>French label.</summary>
    public required string Label { get; set; }

    /// <summary>French hint shown under the label.</summary>
    public string? Hint { get; set; }

    /// <summary>text, email, password, tel, date, time, number, textarea, select, checkbox, file, url, color.</summary>
    public string Type { get; set; } = "text";

    /// <summary>Options of a select.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The empty first option of a select, if any.</summary>
    public string? OptionLabel { get; set; }

    /// <summary>The autocomplete token (WCAG 1.3.5).</summary>
    public string? Autocomplete { get; set; }

    /// <summary>Rows of a textarea.</summary>
    public int Rows { get; set; } = 5;

    /// <summary>Extra attributes of the control, e.g. min, max, maxlength, inputmode.</summary>
    [HtmlAttributeName(DictionaryAttributePrefix = "control-")]
    public IDictionary<string, string> ControlAttributes { get; set; } = new Dictionary<string, string>();

    /// <summary>The page's view context.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name), "_");
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name), out var entry) && entry.Errors.Count > 0;
        var describedBy = new List<string>();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field field--error" : "field");

        var isCheckbox = Type == "checkbox";
        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.AddCssClass("field__label");
        label.InnerHtml.Append(localizer[Label]);
        if (!For.Metadata.IsRequired && !isCheckbox && For.Metadata.ModelType != typeof(bool))
        {
            label.InnerHtml.Append(" ");
            var optional = new TagBuilder("span");
            optional.AddCssClass("field__optional");
            optional.InnerHtml.Append(localizer["(facultatif)"]);
            label.InnerHtml.AppendHtml(optional);
        }

        TagBuilder? hint = null;
        if (!string.IsNullOrEmpty(Hint))
        {
            hint = new TagBuilder("p");
            hint.Attributes["id"] = id + "-hint";
            hint.AddCssClass("field__hint");
            hint.InnerHtml.Append(localizer[Hint]);
            describedBy.Add(id + "-hint");
        }

        TagBuilder? error = null;
        if (hasError)
        {
            error = new TagBuilder("p");
            error.Attributes["id"] = id + "-error";
            error.AddCssClass("field__error");
            error.InnerHtml.Append(string.Join(" ", entry!.Errors.Select(e => e.ErrorMessage)));
            describedBy.Add(id + "-error");
        }

        var attributes = new Dictionary<string, object>(ControlAttributes.ToDictionary(a => a.Key, a => (object)a.Value))
        {
            ["id"] = id,
            ["class"] = isCheckbox ? "field__checkbox" : "field__control",
        };
        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            attributes["autocomplete"] = Autocomplete;
        }

        var control = Type switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, 0, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, OptionLabel is null ? null : localizer[OptionLabel].Value, name, Items ?? [], allowMultiple: false, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, isChecked: null, attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, attributes),
            _ => GenerateInput(attributes),
        };

        if (isCheckbox)
        {
            output.Attributes.SetAttribute("class", hasError ? "field field--checkbox field--error" : "field field--checkbox");
            output.Content.AppendHtml(control);
            output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
            output.Content.AppendHtml(label);
            AppendIfAny(output, hint);
            AppendIfAny(output, error);
            return;
        }

        output.Content.AppendHtml(label);
        AppendIfAny(output, hint);
        AppendIfAny(output, error);
        output.Content.AppendHtml(control);
    }

    private TagBuilder GenerateInput(Dictionary<string, object> attributes)
    {
        attributes["type"] = Type;
        var format = Type switch
        {
            "date" => "{0:yyyy-MM-dd}",
            "time" => "{0:HH:mm}",
            _ => null,
        };
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, format, attributes);
    }

    private static void AppendIfAny(TagHelperOutput output, TagBuilder? element)
    {
        if (element is not null)
        {
            output.Content.AppendHtml(element);
        }
    }
}
