using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using QRCoder;

namespace Preau.Identity.Pages.Me;

/// <summary>
/// Enrolment in the TOTP second factor (RFC 6238, any authenticator app), with recovery codes shown
/// once. Administrators — and staff when the territory requires it — cannot turn it off.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class SecondFactorModel(UserManager<Account> users, SignInManager<Account> signIn, AuditLog audit, IdentityDbContext db, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez le code à 6 chiffres affiché par votre application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code est composé de 6 chiffres.")]
    public string Code { get; set; } = string.Empty;

    public bool Enabled { get; private set; }

    public bool Mandatory { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var holder = (await users.GetUserAsync(User))!;
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(holder, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), localizer["Ce code n’est pas valable. Vérifiez l’heure de votre téléphone et recommencez."]);
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(holder, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(holder, 10))!.ToList();
        audit.Record(holder.TerritoryId, AuditAction.SecondFactorEnabled, holder.Id, holder.Id, "Double authentification activée");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(holder);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var holder = (await users.GetUserAsync(User))!;
        await LoadAsync();
        if (Mandatory)
        {
            ModelState.AddModelError(string.Empty, localizer["La double authentification est obligatoire pour votre profil."]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(holder, false);
        await users.ResetAuthenticatorKeyAsync(holder);
        audit.Record(holder.TerritoryId, AuditAction.SecondFactorDisabled, holder.Id, holder.Id, "Double authentification désactivée par le titulaire");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(holder);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var holder = (await users.GetUserAsync(User))!;
        Enabled = holder.TwoFactorEnabled;
        var territory = await db.Territories.FindAsync(holder.TerritoryId);
        Mandatory = AccountClaimsFactory.MustUseSecondFactor(holder.Profiles, territory?.RequireStaffSecondFactor ?? false);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(holder);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(holder);
            key = await users.GetAuthenticatorKeyAsync(holder);
        }

        SharedKey = FormatKey(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Préau")}:{Uri.EscapeDataString(holder.UserName!)}?secret={key}&issuer={Uri.EscapeDataString("Préau")}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrCodeDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
