using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Preau.Identity.Imports;

/// <summary>
/// Lets a roster upload past the server's default body limits, up to <c>Imports:MaxUploadBytes</c>, and
/// answers a larger one with the upload page and a French message instead of a bare 413 or 400. Runs as
/// an authorization filter, before the antiforgery check reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RosterUploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the rest of the multipart form around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>Before the antiforgery filter (order 1000), which reads the form.</summary>
    public int Order => -1000;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return Task.CompletedTask;
        }

        var limit = http.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadBytes + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult("/imports/nouveau?erreur=taille");
            return Task.CompletedTask;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        return Task.CompletedTask;
    }
}
