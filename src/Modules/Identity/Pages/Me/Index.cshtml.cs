using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Me;

/// <summary>The holder's own account: contact details, language, security.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class IndexModel(UserManager<Account> users, SignInManager<Account> signIn, AuditLog audit, IdentityDbContext db, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public Account Holder { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Holder = (await users.GetUserAsync(User))!;
        Input = new ContactInput { Email = Holder.Email, Language = Holder.PreferredLanguage ?? "fr" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Holder = (await users.GetUserAsync(User))!;
        if (Input.Language is not ("fr" or "en"))
        {
            ModelState.AddModelError("Input.Language", localizer["Choisissez une langue de la liste."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Holder.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        Holder.NormalizedEmail = users.NormalizeEmail(Holder.Email);
        Holder.PreferredLanguage = Input.Language;
        audit.Record(Holder.TerritoryId, AuditAction.AccountUpdated, Holder.Id, Holder.Id, "Coordonnées modifiées par le titulaire");
        await db.SaveChangesAsync(cancellationToken);
        Response.Cookies.Append(
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(Input.Language)),
            new CookieOptions { IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
        this.Flash(localizer["Vos informations ont été enregistrées."]);
        return RedirectToPage();
    }

    /// <summary>Ends every session of the account, on every device (for a lost phone or a doubt).</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var holder = (await users.GetUserAsync(User))!;
        await users.UpdateSecurityStampAsync(holder);
        audit.Record(holder.TerritoryId, AuditAction.SessionsRevoked, holder.Id, holder.Id, "Toutes les sessions fermées par le titulaire");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignOutAsync();
        return Redirect("/connexion");
    }
}

internal sealed class ContactInput
{
    [EmailAddress(ErrorMessage = "L’adresse électronique n’est pas valide.")]
    [StringLength(256, ErrorMessage = "L’adresse électronique ne dépasse pas 256 caractères.")]
    public string? Email { get; set; }

    public string Language { get; set; } = "fr";
}
