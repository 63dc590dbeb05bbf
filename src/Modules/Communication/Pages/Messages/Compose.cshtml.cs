using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Messages;

/// <summary>
/// Writing a message: only the people and groups the rules allow are offered ("vous pouvez écrire à…"),
/// and sending checks them again. A failed send keeps everything in a draft.
/// </summary>
[Authorize(Policy = CommunicationPermissions.UseMessaging)]
internal sealed class ComposeModel(
    CommunicationDbContext db,
    IStructureDirectory directory,
    RecipientFinder finder,
    AudienceCatalog audiences,
    TerritoryRules rules,
    SendMessage send,
    Attachments attachments,
    IStringLocalizer localizer,
    Platform.Tenancy.TenantContext tenant,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public ComposeInput Input { get; set; } = new();

    public IReadOnlyList<OfferedAudience> Groups { get; private set; } = [];

    public IReadOnlyList<Reachable> People { get; private set; } = [];

    public IReadOnlyList<string> YouMayWriteTo { get; private set; } = [];

    public IReadOnlyList<AttachmentView> Files { get; private set; } = [];

    public IReadOnlyList<SchoolInfo> SchoolsToChoose { get; private set; } = [];

    public bool IsHead => User.HasAnyProfile(Profile.Head);

    [BindProperty(SupportsGet = true, Name = "ecole")]
    public Guid? SchoolFilter { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "brouillon")] Guid? draftId, [FromQuery(Name = "a")] Guid? to, CancellationToken cancellationToken)
    {
        if (draftId is { } id)
        {
            var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.AuthorId == User.RequiredAccountId(), cancellationToken);
            if (draft is null)
            {
                return NotFound();
            }

            Input = new ComposeInput { DraftId = draft.Id, Subject = draft.Subject, Body = draft.Body, Recipients = draft.Recipients.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(), Urgent = draft.Urgent, AnswerExpected = draft.AnswerExpected };
        }
        else if (to is { } account)
        {
            Input.Recipients = [RecipientToken.Account(account).ToString()];
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        var tokens = RecipientToken.ParseAll(Input.Recipients);
        // Saved first: whatever happens next, nothing typed is lost.
        var draftId = await SaveDraftAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            var outcome = await send.StartAsync(User.RequiredAccountId(), new NewMessage(Input.Subject, MessageText.FromPlain(Input.Body), tokens, Input.Urgent, Input.AnswerExpected, draftId), cancellationToken);
            if (outcome.Succeeded)
            {
                this.Flash(Confirmation(outcome));
                return Redirect($"/messages/{outcome.ConversationId}");
            }

            foreach (var (field, error) in outcome.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? string.Empty : "Input." + field, error);
            }
        }

        ModelState.AddModelError(string.Empty, localizer["Votre message est conservé dans vos brouillons."]);

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        ForgetRequiredFields();
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await SaveDraftAsync(cancellationToken);
        this.Flash(localizer["Brouillon enregistré."]);
        return Redirect($"/messages/nouveau?brouillon={Input.DraftId}");
    }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        ForgetRequiredFields();
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var draftId = await SaveDraftAsync(cancellationToken);
        var error = file is null ? localizer["Choisissez un fichier."] : await attachments.AddToDraftAsync(User.RequiredAccountId(), draftId, file, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("file", error);
            await LoadAsync(cancellationToken);
            return Page();
        }

        this.Flash(localizer["Pièce jointe ajoutée."]);
        return Redirect($"/messages/nouveau?brouillon={draftId}");
    }

    /// <summary>A draft may have no subject or text yet: only sending requires them.</summary>
    private void ForgetRequiredFields()
    {
        ModelState.Remove("Input.Subject");
        ModelState.Remove("Input.Body");
    }

    private string Confirmation(SendOutcome outcome)
    {
        if (outcome.Status == MessageStatus.HeldForReview)
        {
            return localizer["Votre message à {0} destinataires attend la validation de la direction, car votre compte n’envoie pas d’habitude à autant de personnes.", outcome.RecipientCount];
        }

        if (outcome.NoticesAt is { } at && at > clock.GetUtcNow().UtcDateTime)
        {
            var local = tenant.ToLocal(at);
            return localizer["Message envoyé à {0} destinataire(s). Il est déjà dans leur messagerie ; les familles en seront averties {1:dddd d MMMM à HH:mm} (horaires de tranquillité).", outcome.RecipientCount, local];
        }

        return localizer["Message envoyé à {0} destinataire(s).", outcome.RecipientCount];
    }

    private async Task<Guid> SaveDraftAsync(CancellationToken cancellationToken)
    {
        var authorId = User.RequiredAccountId();
        var draft = Input.DraftId is { } id ? await db.Drafts.FirstOrDefaultAsync(d => d.Id == id && d.AuthorId == authorId, cancellationToken) : null;
        if (draft is null)
        {
            draft = new Draft { AuthorId = authorId };
            db.Drafts.Add(draft);
        }

        draft.Subject = (Input.Subject ?? string.Empty).Trim();
        draft.Body = Input.Body ?? string.Empty;
        draft.Recipients = string.Join(' ', RecipientToken.ParseAll(Input.Recipients));
        draft.Urgent = Input.Urgent;
        draft.AnswerExpected = Input.AnswerExpected;
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Input.DraftId = draft.Id;
        return draft.Id;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var sender = (await directory.GetPlacementsAsync([User.RequiredAccountId()], cancellationToken)).Single();
        var matrix = await rules.MatrixAsync(cancellationToken);
        YouMayWriteTo = Explain(matrix, sender);
        if (CommunicationRules.RolesOf(sender).Any(r => matrix[r, Profile.Guardian] == Reach.Territory))
        {
            SchoolsToChoose = await directory.ListSchoolsAsync(cancellationToken);
        }

        Groups = await audiences.OfferedToAsync(sender, SchoolFilter, cancellationToken);
        var selected = RecipientToken.ParseAll(Input.Recipients).Where(t => t.IsAccount).Select(t => t.Id).ToList();
        var people = (await finder.SuggestAsync(sender, cancellationToken)).ToList();
        if (!string.IsNullOrWhiteSpace(Input.Search))
        {
            people.InsertRange(0, await finder.SearchAsync(sender, Input.Search[..Math.Min(Input.Search.Length, 100)], cancellationToken));
        }

        people.AddRange(await finder.FilterAsync(sender, selected, cancellationToken));
        People = people.DistinctBy(p => p.AccountId).ToList();
        Files = Input.DraftId is { } draftId ? await attachments.OfDraftAsync(sender.AccountId, draftId, cancellationToken) : [];
    }

    /// <summary>"Vous pouvez écrire à…": the rules that apply to this user, in words.</summary>
    private List<string> Explain(RuleMatrix matrix, AccountPlacement sender) =>
        CommunicationRules.RolesOf(sender)
            .SelectMany(role => RuleMatrix.Profiles.Select(recipient => (recipient, reach: matrix[role, recipient])))
            .Where(x => x.reach != Reach.None)
            .GroupBy(x => x.recipient)
            .Select(g => localizer[ReachPhrase(g.Max(x => x.reach)), localizer[RulesText.Plural(g.Key)]].Value)
            .ToList();

    private static string ReachPhrase(Reach reach) => reach switch
    {
        Reach.Class => Text.Fr("{0} de vos classes (ou de celles de vos enfants)"),
        Reach.School => Text.Fr("{0} de votre école"),
        _ => Text.Fr("{0} du territoire"),
    };
}

internal sealed class ComposeInput
{
    public Guid? DraftId { get; set; }

    [Required(ErrorMessage = "Indiquez l’objet du message.")]
    [StringLength(Conversation.SubjectMaxLength, ErrorMessage = "L’objet ne dépasse pas 200 caractères.")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Écrivez votre message.")]
    public string? Body { get; set; }

    public List<string> Recipients { get; set; } = [];

    public bool Urgent { get; set; }

    public bool AnswerExpected { get; set; }

    [StringLength(100, ErrorMessage = "La recherche ne dépasse pas 100 caractères.")]
    public string? Search { get; set; }
}
