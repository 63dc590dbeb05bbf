using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Preau.Web;

/// <summary>
/// A POST for a handler the page does not have (none named, to a page whose forms all name theirs or that
/// has none for POST; a made-up <c>?handler=</c>) would render the page without running any handler, on a
/// model never loaded: a 500. It gets 405 instead, with the French error page.
/// </summary>
internal sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is not null)
        {
            return;
        }

        // A GET falls back to the page's OnGet (or to none: a page may have only POST handlers) and renders.
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
