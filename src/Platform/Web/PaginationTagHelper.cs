using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Preau.Platform.Web;

/// <summary>A page of results, as list pages hand it to the view.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows in all pages.</param>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>The number of pages (at least one).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Pagination links that keep the current query string: &lt;pagination page="…" page-count="…" /&gt;.</summary>
[HtmlTargetElement("pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper(IStringLocalizer localizer) : TagHelper
{
    /// <summary>Current page, from 1.</summary>
    public int Page { get; set; }

    /// <summary>Number of pages.</summary>
    public int PageCount { get; set; }

    /// <summary>The page's view context.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (PageCount <= 1)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pagination");
        output.Attributes.SetAttribute("aria-label", localizer["Pagination"].Value);
        var list = new TagBuilder("ul");
        if (Page > 1)
        {
            list.InnerHtml.AppendHtml(Item(Page - 1, localizer["Précédente"], current: false));
        }

        foreach (var number in VisiblePages())
        {
            list.InnerHtml.AppendHtml(number is null ? Ellipsis() : Item(number.Value, number.Value.ToString(System.Globalization.CultureInfo.CurrentCulture), number == Page));
        }

        if (Page < PageCount)
        {
            list.InnerHtml.AppendHtml(Item(Page + 1, localizer["Suivante"], current: false));
        }

        output.Content.AppendHtml(list);
    }

    private IEnumerable<int?> VisiblePages()
    {
        int? previous = null;
        foreach (var number in Enumerable.Range(1, PageCount).Where(n => n == 1 || n == PageCount || Math.Abs(n - Page) <= 2))
        {
            if (previous is { } p && number - p > 1)
            {
                yield return null;
            }

            yield return number;
            previous = number;
        }
    }

    private TagBuilder Item(int number, string text, bool current)
    {
        var item = new TagBuilder("li");
        var link = new TagBuilder("a");
        var request = ViewContext.HttpContext.Request;
        var query = new QueryBuilder(request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))))
        {
            { "page", number.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        link.Attributes["href"] = request.Path + query.ToQueryString().ToString();
        if (current)
        {
            link.Attributes["aria-current"] = "page";
        }

        link.InnerHtml.Append(text);
        item.InnerHtml.AppendHtml(link);
        return item;
    }

    private static TagBuilder Ellipsis()
    {
        var item = new TagBuilder("li");
        item.AddCssClass("pagination__ellipsis");
        item.InnerHtml.Append("…");
        return item;
    }
}
