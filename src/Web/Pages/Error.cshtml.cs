using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Preau.Web.Pages;

/// <summary>Every error, in French, with no technical detail (re-executed for any method).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel(IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; }

    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    private PageResult Render()
    {
        (Title, Explanation) = Code switch
        {
            400 => (localizer["Demande incorrecte"], localizer["La page n’a pas compris la demande. Revenez en arrière et réessayez."]),
            403 => (localizer["Accès refusé"], localizer["Votre profil ne donne pas accès à cette page."]),
            404 => (localizer["Page introuvable"], localizer["Cette page n’existe pas ou vous n’y avez pas accès."]),
            405 => (localizer["Demande incorrecte"], localizer["La page n’a pas compris la demande. Revenez en arrière et réessayez."]),
            413 => (localizer["Fichier trop volumineux"], localizer["Le fichier ou le texte envoyé dépasse la taille autorisée."]),
            429 => (localizer["Trop de tentatives"], localizer["Trop de demandes en peu de temps. Patientez une minute avant de réessayer."]),
            _ => (localizer["Une erreur est survenue"], localizer["Préau n’a pas pu traiter votre demande. Rien de ce que vous aviez déjà enregistré n’est perdu ; réessayez dans un instant."]),
        };
        Response.StatusCode = Code is >= 400 and < 600 ? Code : 500;
        return Page();
    }
}
