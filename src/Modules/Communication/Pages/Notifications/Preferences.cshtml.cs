using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Notifications;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Notifications;

/// <summary>How the user hears about each class of notification: e-mail at once, daily digest or none, and Web Push.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class PreferencesModel(CommunicationDbContext db, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public EmailMode ActionEmail { get; set; }

    [BindProperty]
    public EmailMode InformationEmail { get; set; }

    [BindProperty]
    public bool ActionPush { get; set; } = true;

    [BindProperty]
    public bool InformationPush { get; set; } = true;

    public int Devices { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.AccountId == accountId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        ActionEmail = preferences.GetValueOrDefault(NotificationKind.ActionRequired)?.Email ?? NotificationPreference.DefaultEmail(NotificationKind.ActionRequired);
        InformationEmail = preferences.GetValueOrDefault(NotificationKind.Information)?.Email ?? NotificationPreference.DefaultEmail(NotificationKind.Information);
        ActionPush = preferences.GetValueOrDefault(NotificationKind.ActionRequired)?.Push ?? true;
        InformationPush = preferences.GetValueOrDefault(NotificationKind.Information)?.Push ?? true;
        Devices = await db.PushSubscriptions.CountAsync(s => s.AccountId == accountId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(ActionEmail) || !Enum.IsDefined(InformationEmail))
        {
            ModelState.AddModelError(string.Empty, localizer["Choisissez une option de la liste."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var accountId = User.RequiredAccountId();
        var preferences = await db.NotificationPreferences.Where(p => p.AccountId == accountId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var (kind, email, push) in new[] { (NotificationKind.ActionRequired, ActionEmail, ActionPush), (NotificationKind.Information, InformationEmail, InformationPush) })
        {
            if (!preferences.TryGetValue(kind, out var preference))
            {
                preference = new NotificationPreference { AccountId = accountId, Kind = kind };
                db.NotificationPreferences.Add(preference);
            }

            preference.Email = email;
            preference.Push = push;
        }

        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["Vos préférences de notification sont enregistrées."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostForgetDevicesAsync(CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        await db.PushSubscriptions.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        this.Flash(localizer["Vos appareils ne recevront plus de notifications."]);
        return RedirectToPage();
    }
}
