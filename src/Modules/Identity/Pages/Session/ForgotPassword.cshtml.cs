using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Mail;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Session;

/// <summary>
/// Sends a reset link to the e-mail of the account(s) matching a login or an address. The answer is
/// the same whether or not an account matched, so the page cannot be used to find out who has one.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityModule.SignInRateLimit)]
internal sealed class ForgotPasswordModel(UserManager<Account> users, IdentityDbContext db, AuditLog audit, PublicLinks links, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre identifiant ou votre adresse électronique.")]
    [StringLength(256, ErrorMessage = "Ce texte est trop long.")]
    public string LoginOrEmail { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var typed = LoginOrEmail.Trim();
        var normalized = users.NormalizeName(typed);
        var normalizedEmail = users.NormalizeEmail(typed);
        var accounts = await db.Accounts.IgnoreQueryFilters()
            .Where(a => a.IsActive && a.PasswordHash != null && a.Email != null && (a.NormalizedUserName == normalized || a.NormalizedEmail == normalizedEmail))
            .Take(10)
            .ToListAsync(cancellationToken);

        foreach (var account in accounts)
        {
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var link = links.Absolute(Request, $"/mot-de-passe/reinitialiser?compte={account.Id}&jeton={Uri.EscapeDataString(token)}");
            db.Publish(new EmailRequested(
                account.Email!,
                localizer["Préau : réinitialisation de votre mot de passe"],
                localizer["Bonjour {0},\n\nPour choisir un nouveau mot de passe pour l’identifiant {1}, ouvrez ce lien dans les deux heures :\n{2}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.", account.DisplayName, account.UserName!, link]));
            audit.Record(account.TerritoryId, AuditAction.PasswordResetRequested, null, account.Id, "Lien de réinitialisation envoyé par courriel");
        }

        await db.SaveChangesAsync(cancellationToken);
        Sent = true;
        return Page();
    }
}
