using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Retention;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Me;

/// <summary>
/// The holder's personal data, one click away (PRODUCT.md, Trust): download everything Préau holds
/// (with their minor children's), and for a family, delete the account.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class PersonalDataModel(UserManager<Account> users, SignInManager<Account> signIn, ExportPersonalData export, DeleteAccount deleteAccount, IStringLocalizer localizer) : PageModel
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty]
    public DeletionInput Input { get; set; } = new();

    /// <summary>Only family accounts delete themselves; pupils' and staff accounts are managed by the school.</summary>
    public bool CanDeleteItself { get; private set; }

    public void OnGet() => CanDeleteItself = IsFamilyOnly();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var document = await export.RunAsync(User.RequiredAccountId(), cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
        return File(bytes, "application/json", "preau-mes-donnees.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        CanDeleteItself = IsFamilyOnly();
        if (!CanDeleteItself)
        {
            return NotFound();
        }

        var holder = await users.GetUserAsync(User);
        if (holder is null)
        {
            return NotFound();
        }

        if (!Input.Understood)
        {
            ModelState.AddModelError("Input.Understood", localizer["Cochez la case pour confirmer que vous avez compris."]);
        }

        if (string.IsNullOrEmpty(Input.Password) || !await users.CheckPasswordAsync(holder, Input.Password))
        {
            ModelState.AddModelError("Input.Password", localizer["Le mot de passe n’est pas le bon."]);
        }

        if (!ModelState.IsValid)
        {
            Input.Password = null;
            return Page();
        }

        await deleteAccount.RunAsync(holder.Id, holder.Id, "Compte supprimé à la demande de son titulaire", cancellationToken);
        await signIn.SignOutAsync();
        this.Flash(localizer["Votre compte et vos données ont été supprimés."]);
        return Redirect("/");
    }

    private bool IsFamilyOnly() => User.Profiles() == Profile.Guardian;
}

internal sealed class DeletionInput
{
    [StringLength(200)]
    public string? Password { get; set; }

    public bool Understood { get; set; }
}
