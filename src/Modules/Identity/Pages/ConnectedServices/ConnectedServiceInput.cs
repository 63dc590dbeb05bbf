using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Preau.Identity.SingleSignOn;

namespace Preau.Identity.Pages.ConnectedServices;

/// <summary>The form of a connected service, shared by the creation and edition pages.</summary>
internal sealed class ConnectedServiceInput
{
    private const int MaxAddresses = 10;

    [Required(ErrorMessage = "Indiquez le nom du service.")]
    [StringLength(200, ErrorMessage = "Le nom ne dépasse pas 200 caractères.")]
    public string Name { get; set; } = string.Empty;

    [StringLength(1000, ErrorMessage = "La description ne dépasse pas 1 000 caractères.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Indiquez au moins une adresse de retour.")]
    [StringLength(5000, ErrorMessage = "Les adresses ne dépassent pas 5 000 caractères en tout.")]
    public string RedirectUris { get; set; } = string.Empty;

    [StringLength(5000, ErrorMessage = "Les adresses ne dépassent pas 5 000 caractères en tout.")]
    public string? PostLogoutRedirectUris { get; set; }

    public bool Confidential { get; set; } = true;

    public bool MayUseApi { get; set; }

    /// <summary>Checks the addresses (RFC 6749 §3.1.2: absolute, no fragment; https, or http on the loopback for native apps).</summary>
    public ConnectedServiceRequest? ToRequest(ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        var redirects = Parse(RedirectUris, "Input.RedirectUris", modelState, localizer);
        var logouts = Parse(PostLogoutRedirectUris, "Input.PostLogoutRedirectUris", modelState, localizer);
        return modelState.IsValid
            ? new ConnectedServiceRequest(Name.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), redirects, logouts, Confidential, MayUseApi)
            : null;
    }

    public static string Join(IEnumerable<string> addresses) => string.Join('\n', addresses);

    private static List<Uri> Parse(string? text, string key, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > MaxAddresses)
        {
            modelState.AddModelError(key, localizer["Indiquez au plus {0} adresses.", MaxAddresses]);
            return [];
        }

        var addresses = new List<Uri>();
        foreach (var line in lines)
        {
            if (!Uri.TryCreate(line, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment)
                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                modelState.AddModelError(key, localizer["« {0} » n’est pas une adresse acceptée : une adresse complète en https://, sans #, ou en http:// sur la machine elle-même.", line.Length > 100 ? line[..100] + "…" : line]);
                continue;
            }

            addresses.Add(uri);
        }

        return addresses;
    }
}
