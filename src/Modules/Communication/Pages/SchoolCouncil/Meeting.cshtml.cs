using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Communication.SchoolCouncil;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Text;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.SchoolCouncil;

/// <summary>
/// A council meeting. Families see its date and agenda, ask questions until the deadline and read the
/// published minutes; members also see the documents, every question and the minutes in progress;
/// the head adds questions to the agenda, uploads documents, approves then publishes the minutes.
/// </summary>
[Authorize(Policy = CommunicationPermissions.UseSchoolCouncil)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class MeetingModel(
    CommunicationDbContext db, SchoolCouncils councils, PublishedFiles files, IAuthorizationService authorization,
    IStructureDirectory directory, RichText richText, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public CouncilView View { get; private set; } = null!;

    public CouncilMeeting Meeting { get; private set; } = null!;

    public bool IsMember { get; private set; }

    public bool Manages { get; private set; }

    public bool CanAsk { get; private set; }

    public bool CanWriteMinutes { get; private set; }

    public bool QuestionsOpen { get; private set; }

    public IReadOnlyList<(CouncilQuestion Question, string Author)> Questions { get; private set; } = [];

    public IReadOnlyList<PublishedFile> Documents { get; private set; } = [];

    [BindProperty]
    [StringLength(CouncilQuestion.TextMaxLength, ErrorMessage = "Une question ne dépasse pas 2 000 caractères.")]
    public string? QuestionText { get; set; }

    [BindProperty]
    [StringLength(RichText.MaxLength, ErrorMessage = "Le compte rendu ne dépasse pas 100 000 caractères.")]
    public string? Minutes { get; set; }

    [BindProperty]
    public List<IFormFile> Uploads { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken))
        {
            return NotFound();
        }

        Minutes = Meeting.MinutesHtml is { } html ? RichInput.ToEditable(html) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken) || !CanAsk)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(QuestionText))
        {
            ModelState.AddModelError(nameof(QuestionText), localizer["Écrivez votre question."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await councils.AskAsync(User.RequiredAccountId(), Meeting, QuestionText!, cancellationToken) is { } error)
        {
            ModelState.AddModelError(nameof(QuestionText), localizer[error]);
            return Page();
        }

        this.Flash(localizer["Votre question est transmise à la direction de l’école."]);
        return Redirect($"/conseil-ecole/seances/{meetingId}");
    }

    public async Task<IActionResult> OnPostAddToAgendaAsync(Guid meetingId, Guid questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken) || !Manages || !await councils.AddQuestionToAgendaAsync(Meeting, questionId, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(localizer["La question est inscrite à l’ordre du jour."]);
        return Redirect($"/conseil-ecole/seances/{meetingId}#questions");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken) || !Manages)
        {
            return NotFound();
        }

        var (checkedFiles, errors) = await files.CheckAsync(Uploads, imagesOnly: false, Documents.Count, cancellationToken);
        if (checkedFiles.Count == 0 && errors.Count == 0)
        {
            errors = [localizer["Choisissez au moins un document."]];
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(Uploads), error);
            }

            return Page();
        }

        await files.AttachAsync(checkedFiles, FileOwner.CouncilMeeting, meetingId, User.RequiredAccountId(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["Les documents sont ajoutés."]);
        return Redirect($"/conseil-ecole/seances/{meetingId}#documents");
    }

    public async Task<IActionResult> OnPostWriteMinutesAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken) || !CanWriteMinutes || Meeting.MinutesStatus == MinutesStatus.Published)
        {
            return NotFound();
        }

        var html = RichInput.ToSafeHtml(richText, Minutes);
        if (RichInput.IsBlank(html))
        {
            ModelState.AddModelError(nameof(Minutes), localizer["Écrivez le compte rendu."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var meeting = await db.CouncilMeetings.FirstAsync(m => m.Id == meetingId, cancellationToken);
        meeting.WriteMinutes(html);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["Le projet de compte rendu est enregistré ; la direction doit l’approuver."]);
        return Redirect($"/conseil-ecole/seances/{meetingId}#compte-rendu");
    }

    public async Task<IActionResult> OnPostApproveMinutesAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken) || !Manages || Meeting.MinutesStatus != MinutesStatus.Draft)
        {
            return NotFound();
        }

        var meeting = await db.CouncilMeetings.FirstAsync(m => m.Id == meetingId, cancellationToken);
        meeting.ApproveMinutes(User.RequiredAccountId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["Le compte rendu est approuvé. Publiez-le pour le communiquer aux familles."]);
        return Redirect($"/conseil-ecole/seances/{meetingId}#compte-rendu");
    }

    public async Task<IActionResult> OnPostPublishMinutesAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken) || !Manages || Meeting.MinutesStatus != MinutesStatus.Approved)
        {
            return NotFound();
        }

        var meeting = await db.CouncilMeetings.FirstAsync(m => m.Id == meetingId, cancellationToken);
        await councils.PublishMinutesAsync(View, meeting, cancellationToken);
        this.Flash(localizer["Le compte rendu est publié ; les familles de l’école sont prévenues."]);
        return Redirect($"/conseil-ecole/seances/{meetingId}#compte-rendu");
    }

    private async Task<bool> LoadAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.CouncilMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var me = User.RequiredAccountId();
        if (meeting is null || await councils.FindAsync(meeting.CouncilId, me, cancellationToken) is not { } view
            || !await authorization.CanAsync(User, view.Access, ResourceAuthorization.Read))
        {
            return false;
        }

        View = view;
        Meeting = meeting;
        IsMember = await authorization.CanAsync(User, view.Access, PublishingOperations.Member);
        Manages = await authorization.CanAsync(User, view.Access, ResourceAuthorization.Manage);
        CanAsk = await authorization.CanAsync(User, view.Access, PublishingOperations.Ask);
        CanWriteMinutes = await authorization.CanAsync(User, view.Access, PublishingOperations.WriteMinutes);
        QuestionsOpen = meeting.AcceptsQuestionsAt(clock.GetUtcNow().UtcDateTime);
        // Members see every question; a family sees its own (others' stay with the head).
        var questions = await db.CouncilQuestions.AsNoTracking()
            .Where(q => q.MeetingId == meetingId && (IsMember || q.AuthorId == me))
            .OrderBy(q => q.SubmittedAt).Take(300).ToListAsync(cancellationToken);
        var names = Manages
            ? (await directory.GetPeopleAsync(questions.Select(q => q.AuthorId), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName)
            : [];
        Questions = questions.Select(q => (q, names.GetValueOrDefault(q.AuthorId) ?? string.Empty)).ToList();
        Documents = IsMember ? (await files.ListAsync(FileOwner.CouncilMeeting, [meetingId], cancellationToken))[meetingId].ToList() : [];
        return true;
    }
}
