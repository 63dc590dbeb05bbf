using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Pages.Session;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Me;

[Authorize(Policy = Policies.SignedIn)]
internal sealed class ChangePasswordModel(UserManager<Account> users, SignInManager<Account> signIn, AuditLog audit, IdentityDbContext db, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre mot de passe actuel.")]
    [StringLength(256, ErrorMessage = "Le mot de passe ne dépasse pas 256 caractères.")]
    public string CurrentPassword { get; set; } = string.Empty;

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var holder = (await users.GetUserAsync(User))!;
        var result = await users.ChangePasswordAsync(holder, CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : "Input.Password", error.Description);
            }

            return Page();
        }

        audit.Record(holder.TerritoryId, AuditAction.PasswordChanged, holder.Id, holder.Id, "Mot de passe changé par le titulaire");
        await db.SaveChangesAsync(cancellationToken);
        // The new security stamp ends other sessions; this one is renewed.
        await signIn.RefreshSignInAsync(holder);
        this.Flash(localizer["Votre mot de passe a été changé. Vos autres appareils devront se reconnecter."]);
        return Redirect("/compte");
    }
}
