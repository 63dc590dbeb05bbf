using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.News;

/// <summary>A news item; its author and the head manage it, the head approves or refuses it.</summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class ShowModel(
    CommunicationDbContext db, IAuthorizationService authorization, PublishedFiles files, ListNews list,
    IStructureDirectory directory, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public NewsItem Item { get; private set; } = null!;

    public string Origin { get; private set; } = string.Empty;

    public string AuthorName { get; private set; } = string.Empty;

    public IReadOnlyList<PublishedFile> Files { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanApprove { get; private set; }

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Le motif ne dépasse pas 1 000 caractères.")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, ResourceAuthorization.Read, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, PublishingOperations.Approve, cancellationToken) || Item.Status != NewsStatus.PendingApproval)
        {
            return NotFound();
        }

        Item.Approve(User.RequiredAccountId(), clock.GetUtcNow().UtcDateTime);
        SaveNews.ScheduleNotification(db, Item);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["L’actualité est validée et publiée."]);
        return RedirectToPage("/News/Pending");
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, PublishingOperations.Approve, cancellationToken) || Item.Status != NewsStatus.PendingApproval)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), localizer["Indiquez à l’auteur pourquoi l’actualité est refusée."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Item.Reject(User.RequiredAccountId(), Reason!.Trim(), clock.GetUtcNow().UtcDateTime);
        db.Publish(new Contracts.NotificationRequested([Item.AuthorId], NotifyNewsAudience.Category, Contracts.NotificationKind.ActionRequired,
            Platform.Localization.Text.Fr("Actualité refusée par la direction : {0}"), [Item.Title], $"/actualites/{Item.Id}", Item.SchoolId));
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["L’actualité est refusée ; son auteur est prévenu."]);
        return RedirectToPage("/News/Pending");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ResourceAuthorization.Manage, cancellationToken))
        {
            return NotFound();
        }

        Item.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["L’actualité est retirée."]);
        return Redirect("/actualites/mes-publications");
    }

    private async Task<bool> LoadAsync(Guid id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var item = await db.News.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (item is null || !await authorization.CanAsync(User, item, operation))
        {
            return false;
        }

        Item = item;
        CanManage = await authorization.CanAsync(User, item, ResourceAuthorization.Manage);
        CanApprove = item.Status == NewsStatus.PendingApproval && await authorization.CanAsync(User, item, PublishingOperations.Approve);
        Files = (await files.ListAsync(FileOwner.News, [item.Id], cancellationToken))[item.Id].ToList();
        Origin = (await list.OriginsAsync([(item.SchoolId, item.ClassGroupId)], cancellationToken))((item.SchoolId, item.ClassGroupId));
        AuthorName = (await directory.GetPeopleAsync([item.AuthorId], cancellationToken)) is [var author, ..] ? author.DisplayName : string.Empty;
        return true;
    }
}
