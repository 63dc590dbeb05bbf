using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Activation;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Session;

/// <summary>First connection: login and code from the letter, then a password and the terms of use.</summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.SignInRateLimit)]
internal sealed class ActivateModel(ActivateAccount activation, SignInManager<Account> signIn, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ActivationInput Activation { get; set; } = new();

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    [BindProperty]
    public bool AcceptTerms { get; set; }

    /// <summary>Step 2: the code was right, the holder now chooses a password.</summary>
    public bool CodeAccepted { get; private set; }

    public string? HolderName { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Step 1: checks the login and code.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!TryValidateModel(Activation, nameof(Activation)))
        {
            return Page();
        }

        var (account, code, refusal) = await activation.CheckAsync(Activation.Login, Activation.Code, cancellationToken);
        if (code is null || account is null)
        {
            AddRefusal(refusal);
            return Page();
        }

        CodeAccepted = true;
        HolderName = account.DisplayName;
        return Page();
    }

    /// <summary>Step 2: sets the password, consumes the code and signs in.</summary>
    public async Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken)
    {
        var (account, code, refusal) = await activation.CheckAsync(Activation.Login, Activation.Code, cancellationToken);
        if (code is null || account is null)
        {
            ModelState.Clear();
            AddRefusal(refusal);
            return Page();
        }

        CodeAccepted = true;
        HolderName = account.DisplayName;
        if (!AcceptTerms)
        {
            ModelState.AddModelError(nameof(AcceptTerms), localizer["Vous devez accepter les conditions d’utilisation pour activer votre compte."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await activation.ActivateAsync(account, code, Input.Password, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(account, isPersistent: false);
        this.Flash(localizer["Bienvenue sur Préau ! Votre compte est activé."]);
        return Redirect("/");
    }

    private void AddRefusal(ActivateAccount.Refusal refusal) =>
        ModelState.AddModelError(string.Empty, refusal == ActivateAccount.Refusal.LockedOut
            ? localizer["Trop d’essais infructueux : ce compte est verrouillé pendant 15 minutes."]
            : localizer["Cet identifiant et ce code ne correspondent pas, ou le code a expiré. Vérifiez votre lettre ; si le problème persiste, demandez un nouveau code à l’école ou à la mairie."]);
}

internal sealed class ActivationInput
{
    [Required(ErrorMessage = "Indiquez l’identifiant écrit sur votre lettre.")]
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string Login { get; set; } = string.Empty;

    [Required(ErrorMessage = "Indiquez le code d’activation écrit sur votre lettre.")]
    [StringLength(30, ErrorMessage = "Le code d’activation fait 10 caractères.")]
    public string Code { get; set; } = string.Empty;
}
