using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Communication.Abuse;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Messages;

/// <summary>
/// A head's (or the territory administrator's) messaging safety desk: mass messages held for review,
/// reported messages, and accounts whose sending is suspended.
/// </summary>
[Authorize(Policy = CommunicationPermissions.ModerateMessaging)]
internal sealed class ModerationModel(Moderation moderation, IAccountRelations relations, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<HeldMessage> Held { get; private set; } = [];

    public IReadOnlyList<OpenReport> Reports { get; private set; } = [];

    public IReadOnlyList<(Guid AccountId, string Name, string Reason, DateTime Since)> Suspended { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scopes = await moderation.ModeratedScopesAsync(User, relations, cancellationToken);
        var everything = scopes.Contains(null);
        Held = await moderation.HeldAsync(scopes, everything, cancellationToken);
        Reports = await moderation.ReportsAsync(scopes, cancellationToken);
        Suspended = await moderation.SuspendedAsync(scopes, everything, cancellationToken);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid messageId, bool release, CancellationToken cancellationToken)
    {
        if (!await moderation.ReviewAsync(User, messageId, release, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(release ? localizer["Envoi validé : le message est distribué."] : localizer["Envoi refusé : le message ne sera pas distribué."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid reportId, CancellationToken cancellationToken)
    {
        if (!await moderation.CloseReportAsync(User, reportId, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(localizer["Signalement marqué comme traité."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSuspendAsync(Guid accountId, bool suspend, string? reason, CancellationToken cancellationToken)
    {
        var error = await moderation.SetSuspensionAsync(User, accountId, suspend, reason, cancellationToken);
        if (error == localizer["Compte introuvable."].Value)
        {
            return NotFound();
        }

        this.Flash(error ?? (suspend ? localizer["Les envois de ce compte sont suspendus, dès maintenant."] : localizer["Les envois de ce compte sont rétablis."]));
        return RedirectToPage();
    }
}
