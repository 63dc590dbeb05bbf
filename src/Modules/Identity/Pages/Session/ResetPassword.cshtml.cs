using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;

namespace Preau.Identity.Pages.Session;

[AllowAnonymous]
[EnableRateLimiting(IdentityModule.SignInRateLimit)]
internal sealed class ResetPasswordModel(UserManager<Account> users, IdentityErrorDescriber errors, AuditLog audit, IdentityDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "compte")]
    public Guid AccountId { get; set; }

    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public IActionResult OnGet() => string.IsNullOrEmpty(Token) ? RedirectToPage("ForgotPassword") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await users.FindByIdAsync(AccountId.ToString());
        if (account is null || !account.IsActive || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError(string.Empty, errors.InvalidToken().Description);
            return Page();
        }

        var result = await users.ResetPasswordAsync(account, Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordPolicy" ? "Input.Password" : string.Empty, error.Description);
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        audit.Record(account.TerritoryId, AuditAction.PasswordReset, account.Id, account.Id, "Mot de passe réinitialisé par lien");
        await db.SaveChangesAsync(cancellationToken);
        Done = true;
        return Page();
    }
}

/// <summary>A new password, typed twice.</summary>
internal sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(256, ErrorMessage = "Le mot de passe ne doit pas dépasser 256 caractères.")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string Confirmation { get; set; } = string.Empty;
}
