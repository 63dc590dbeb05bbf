using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Preau.Platform.Web;

/// <summary>The "Preau" configuration section's public address.</summary>
public sealed class PublicUrlOptions
{
    /// <summary>
    /// The address families use, e.g. https://ent.valmont.fr. Links in e-mails are built on it, never on
    /// the request's Host header (which an attacker could forge to steal reset tokens).
    /// </summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Builds absolute links for e-mails and calendar feeds.</summary>
public sealed class PublicLinks(IOptions<PublicUrlOptions> options)
{
    /// <summary>The absolute URL of a path; falls back to the request's own address in development.</summary>
    public string Absolute(HttpRequest? request, string pathAndQuery)
    {
        var root = options.Value.PublicUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
