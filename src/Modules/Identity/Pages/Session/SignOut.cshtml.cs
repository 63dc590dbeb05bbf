using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Authorization;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.Identity.Pages.Session;

/// <summary>Signing out is a POST (a link or an image must not sign anyone out); GET asks to confirm.</summary>
[AllowAnonymous]
internal sealed class SignOutModel(SignInManager<Account> signIn, AuditLog audit, IdentityDbContext db) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.AccountId() is { } accountId && User.TerritoryId() is { } territoryId)
        {
            audit.Record(territoryId, AuditAction.SignOut, accountId, accountId, "Déconnexion");
            await db.SaveChangesAsync(cancellationToken);
        }

        await signIn.SignOutAsync();
        return Redirect("/connexion");
    }
}
