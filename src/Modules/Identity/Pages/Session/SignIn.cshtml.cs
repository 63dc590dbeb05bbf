using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;

namespace Preau.Identity.Pages.Session;

[AllowAnonymous]
[EnableRateLimiting(IdentityModule.SignInRateLimit)]
internal sealed class SignInModel(
    SignInManager<Account> signIn, UserManager<Account> users, AuditLog audit, IdentityDbContext db, TimeProvider clock, IStringLocalizer localizer)
    : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await users.FindByNameAsync(Input.Login.Trim());
        if (account is null || !account.IsActive || !account.IsActivated)
        {
            if (account is not null)
            {
                audit.Record(account.TerritoryId, AuditAction.SignInFailed, null, account.Id, account.IsActive ? "Connexion refusée : compte non activé" : "Connexion refusée : compte désactivé");
                await db.SaveChangesAsync(cancellationToken);
            }

            ModelState.AddModelError(string.Empty, localizer["Identifiant ou mot de passe incorrect."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(account, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            account.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(account.TerritoryId, AuditAction.SignIn, account.Id, account.Id, "Connexion");
            await db.SaveChangesAsync(cancellationToken);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { retour = SafeReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            audit.Record(account.TerritoryId, AuditAction.AccountLockedOut, null, account.Id, "Compte verrouillé après des échecs de connexion répétés");
            await db.SaveChangesAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, localizer["Trop d’essais infructueux : ce compte est verrouillé pendant 15 minutes. Vous pouvez aussi réinitialiser votre mot de passe."]);
            return Page();
        }

        audit.Record(account.TerritoryId, AuditAction.SignInFailed, null, account.Id, "Mot de passe incorrect");
        await db.SaveChangesAsync(cancellationToken);
        ModelState.AddModelError(string.Empty, localizer["Identifiant ou mot de passe incorrect."]);
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}

internal sealed class SignInInput
{
    [Required(ErrorMessage = "Indiquez votre identifiant.")]
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string Login { get; set; } = string.Empty;

    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [StringLength(256, ErrorMessage = "Le mot de passe ne dépasse pas 256 caractères.")]
    public string Password { get; set; } = string.Empty;

    public bool RememberMe { get; set; }
}
