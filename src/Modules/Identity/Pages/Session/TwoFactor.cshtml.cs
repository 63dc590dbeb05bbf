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

/// <summary>Second step of sign-in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.SignInRateLimit)]
internal sealed class TwoFactorModel(SignInManager<Account> signIn, AuditLog audit, IdentityDbContext db, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez le code à 6 chiffres de votre application, ou un code de secours.")]
    [StringLength(20, ErrorMessage = "Ce code est trop long.")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            return RedirectToPage("SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            account.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(account.TerritoryId, AuditAction.SignIn, account.Id, account.Id, "Connexion avec double authentification");
            await db.SaveChangesAsync(cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        audit.Record(account.TerritoryId, result.IsLockedOut ? AuditAction.AccountLockedOut : AuditAction.SignInFailed, null, account.Id, "Code de double authentification incorrect");
        await db.SaveChangesAsync(cancellationToken);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? localizer["Trop d’essais infructueux : ce compte est verrouillé pendant 15 minutes."]
            : localizer["Ce code n’est pas valable. Vérifiez l’heure de votre téléphone et recommencez."]);
        return Page();
    }
}
