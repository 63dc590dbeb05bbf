using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Abuse;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Messages;

/// <summary>A conversation: its messages, read receipts for its sender, the answer form, recall, report, archive and labels.</summary>
[Authorize(Policy = CommunicationPermissions.UseMessaging)]
internal sealed class ConversationModel(
    ReadConversation read,
    SendMessage send,
    Moderation moderation,
    Mailbox mailbox,
    CommunicationDbContext db,
    IStringLocalizer localizer,
    TimeProvider clock) : PageModel
{
    public ConversationView View { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public bool ToAll { get; set; }

    public MailboxFolder? Folder { get; private set; }

    public IReadOnlyList<MailboxLabel> Labels { get; private set; } = [];

    public IReadOnlySet<Guid> AppliedLabels { get; private set; } = new HashSet<Guid>();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await send.ReplyAsync(User.RequiredAccountId(), new Reply(id, MessageText.FromPlain(Body), ToAll), cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            foreach (var (field, error) in outcome.Errors)
            {
                ModelState.AddModelError(field == "ToAll" ? "ToAll" : "Body", error);
            }

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        this.Flash(localizer["Réponse envoyée."]);
        return Redirect($"/messages/{outcome.ConversationId}");
    }

    public async Task<IActionResult> OnPostRecallAsync(Guid id, Guid messageId, CancellationToken cancellationToken)
    {
        var error = await moderation.RecallAsync(User.RequiredAccountId(), messageId, cancellationToken);
        this.Flash(error ?? localizer["Message rappelé : ses destinataires ne le verront pas."]);
        return Redirect($"/messages/{id}");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid messageId, string? reason, CancellationToken cancellationToken)
    {
        var error = await moderation.ReportAsync(User.RequiredAccountId(), messageId, reason, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("reason", error);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        this.Flash(localizer["Merci : le message a été signalé à la direction."]);
        return Redirect($"/messages/{id}");
    }

    public async Task<IActionResult> OnPostFolderAsync(Guid id, bool archive, CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        var folder = archive ? MailboxFolder.Archive : MailboxFolder.Inbox;
        var changed = await db.ConversationMembers.Where(m => m.ConversationId == id && m.AccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Folder, folder), cancellationToken);
        if (changed == 0)
        {
            return NotFound();
        }

        this.Flash(archive ? localizer["Conversation archivée."] : localizer["Conversation remise dans la boîte de réception."]);
        return Redirect(archive ? "/messages" : $"/messages/{id}");
    }

    public async Task<IActionResult> OnPostLabelAsync(Guid id, string? label, Guid? remove, CancellationToken cancellationToken)
    {
        var accountId = User.RequiredAccountId();
        if (!await db.ConversationMembers.AnyAsync(m => m.ConversationId == id && m.AccountId == accountId, cancellationToken))
        {
            return NotFound();
        }

        if (remove is { } labelId)
        {
            await db.ConversationLabels.Where(l => l.AccountId == accountId && l.ConversationId == id && l.LabelId == labelId).ExecuteDeleteAsync(cancellationToken);
            return Redirect($"/messages/{id}");
        }

        var name = (label ?? string.Empty).Trim();
        if (name.Length is 0 or > MailboxLabel.NameMaxLength)
        {
            ModelState.AddModelError("label", localizer["Une étiquette a entre 1 et {0} caractères.", MailboxLabel.NameMaxLength]);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var existing = await db.MailboxLabels.FirstOrDefaultAsync(l => l.AccountId == accountId && l.Name == name, cancellationToken);
        if (existing is null)
        {
            if (await db.MailboxLabels.CountAsync(l => l.AccountId == accountId, cancellationToken) >= MailboxLabel.MaxPerAccount)
            {
                ModelState.AddModelError("label", localizer["Vous avez déjà {0} étiquettes : supprimez-en une d’abord.", MailboxLabel.MaxPerAccount]);
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            }

            existing = new MailboxLabel { AccountId = accountId, Name = name };
            db.MailboxLabels.Add(existing);
        }

        if (!await db.ConversationLabels.AnyAsync(l => l.AccountId == accountId && l.ConversationId == id && l.LabelId == existing.Id, cancellationToken))
        {
            db.ConversationLabels.Add(new ConversationLabel { AccountId = accountId, ConversationId = id, LabelId = existing.Id });
        }

        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["Étiquette « {0} » ajoutée.", name]);
        return Redirect($"/messages/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await read.OpenAsync(User, id, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        var accountId = User.RequiredAccountId();
        Folder = await db.ConversationMembers.Where(m => m.ConversationId == id && m.AccountId == accountId).Select(m => (MailboxFolder?)m.Folder).FirstOrDefaultAsync(cancellationToken);
        Labels = await mailbox.LabelsAsync(accountId, cancellationToken);
        AppliedLabels = (await db.ConversationLabels.Where(l => l.AccountId == accountId && l.ConversationId == id).Select(l => l.LabelId).ToListAsync(cancellationToken)).ToHashSet();
        return true;
    }
}
