using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using Preau.Platform.Web;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.LiaisonNotebook;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.LiaisonNotebook;

/// <summary>
/// A note: guardians read, acknowledge and answer it for each child; its sender (and the school's head
/// and school-life staff) see per family who read, acknowledged and answered, and remind the others.
/// </summary>
// Signed in only: the note (absence) itself decides who reads it, and everyone else gets 404.
[Authorize(Policy = Policies.SignedIn)]
[GenerousFormLimits]
internal sealed class DetailsModel(
    ReadNotes notes,
    AcknowledgeNote acknowledge,
    AnswerNote answer,
    RemindNote remind,
    IAuthorizationService authorization,
    IAccountRelations relations,
    IStructureDirectory directory,
    IFileStore files,
    IStringLocalizer localizer,
    TimeProvider clock) : PageModel
{
    public LiaisonNote Note { get; private set; } = null!;

    public string AuthorName { get; private set; } = string.Empty;

    /// <summary>The reader's own rows (one per child), when they received the note.</summary>
    public IReadOnlyList<NoteRecipient> MyRows { get; private set; } = [];

    /// <summary>Per family, who did what: every family for those who follow the note, the reader's own children for a guardian.</summary>
    public IReadOnlyList<FamilyFollowUp> Families { get; private set; } = [];

    public bool CanManage { get; private set; }

    public AccountRelations Actor { get; private set; } = AccountRelations.None;

    [BindProperty]
    public Guid PupilId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (MyRows.Any(r => r.ReadAt is null))
        {
            await notes.MarkReadAsync(id, Actor.AccountId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await acknowledge.HandleAsync(id, User.RequiredAccountId(), byEmailLink: false, cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            return await RedisplayAsync(id, outcome, cancellationToken);
        }

        this.Flash(outcome.Value!.WasAlreadyAcknowledged
            ? localizer["Vous aviez déjà accusé réception de ce mot."]
            : localizer["Accusé de réception enregistré."]);
        return Redirect($"/carnet/{id}");
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken)
    {
        var yes = Answer switch
        {
            "oui" => true,
            "non" => (bool?)false,
            _ => null,
        };
        var outcome = await answer.HandleAsync(User, new AnswerNoteRequest(id, PupilId, yes, AnswerText, Version), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            return await RedisplayAsync(id, outcome, cancellationToken);
        }

        this.Flash(localizer["Votre réponse a été enregistrée."]);
        return Redirect($"/carnet/{id}");
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanManage)
        {
            return NotFound();
        }

        var outcome = await remind.HandleAsync(Note, cancellationToken);
        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            return Page();
        }

        this.Flash(localizer["Rappel envoyé à {0} responsable(s).", outcome.Value]);
        return Redirect($"/carnet/{id}");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Note.AttachmentKey is null)
        {
            return NotFound();
        }

        var stream = await files.OpenReadAsync(Note.AttachmentKey, cancellationToken);
        return stream is null ? NotFound() : File(stream, Note.AttachmentContentType ?? "application/octet-stream", Note.AttachmentName);
    }

    private async Task<IActionResult> RedisplayAsync<T>(Guid id, Outcome<T> outcome, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        outcome.AddTo(ModelState);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await notes.FindAsync(id, cancellationToken) is not { } note)
        {
            return false;
        }

        Actor = await relations.ForUserAsync(User, cancellationToken);
        MyRows = await notes.RowsOfGuardianAsync(id, Actor.AccountId, cancellationToken);
        var access = new NoteAccess(note, MyRows.Count > 0);
        if (!await authorization.CanAsync(User, access, ResourceAuthorization.Read))
        {
            return false;
        }

        Note = note;
        CanManage = await authorization.CanAsync(User, access, ResourceAuthorization.Manage);
        AuthorName = await directory.GetPeopleAsync([note.AuthorId], cancellationToken) is [var author, ..] ? author.DisplayName : string.Empty;
        var families = await notes.FollowUpAsync(id, cancellationToken);
        Families = CanManage ? families : families.Where(f => MyRows.Any(r => r.PupilId == f.PupilId)).ToList();
        return true;
    }

    /// <summary>Whether the reader may answer for this child (authorizations: parental authority only).</summary>
    public bool CanAnswerFor(Guid pupilId) => Visibility.CanAnswer(Note.IsAuthorization, Actor.HasParentalAuthorityOver(pupilId));
}
