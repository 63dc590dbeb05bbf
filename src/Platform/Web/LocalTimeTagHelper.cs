using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Web;

/// <summary>
/// A UTC instant shown in the territory's time zone and the reader's culture, as a machine-readable
/// &lt;time&gt;: &lt;local-time utc="Model.SentAt" format="g" /&gt; ("d", "t", "g", "D" or a custom pattern).
/// </summary>
[HtmlTargetElement("local-time", Attributes = "utc", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(TenantContext tenant) : TagHelper
{
    /// <summary>The instant, in UTC.</summary>
    public DateTime Utc { get; set; }

    /// <summary>A .NET date format; "g" (short date and time) by default.</summary>
    public string Format { get; set; } = "g";

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var utc = DateTime.SpecifyKind(Utc, DateTimeKind.Utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        output.Content.SetContent(tenant.ToLocal(utc).ToString(Format, CultureInfo.CurrentCulture));
    }
}
