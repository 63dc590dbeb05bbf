using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>
/// A pupil's homework, as the pupil or a guardian follows it: the work due in the coming three weeks,
/// day by day, with what is new since the reader's last visit and the pupil's "done" marks (the pupil
/// ticks them here); and the sessions' content, latest first.
/// </summary>
[Authorize(Policy = SchoolLifePermissions.ReadHomework)]
internal sealed class PupilModel(
    IStructureDirectory directory,
    IAuthorizationService authorization,
    ListHomeworkForPupils homework,
    HomeworkAccess access,
    MarkHomeworkDone markDone,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    /// <summary>Days of work shown at once.</summary>
    public const int DaysShown = 21;

    public PupilInfo Pupil { get; private set; } = null!;

    public bool IsThePupil { get; private set; }

    public bool ShowsSessions { get; private set; }

    public DateOnly Today { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public IReadOnlyList<IGrouping<DateOnly, PupilDueWork>> Days { get; private set; } = [];

    public ILookup<Guid, HomeworkAttachment> Attachments { get; private set; } = Array.Empty<HomeworkAttachment>().ToLookup(a => a.EntryId);

    public PageOf<SessionSummary> Sessions { get; private set; } = new([], 1, ListHomeworkForPupils.SessionsPageSize, 0);

    public IReadOnlyDictionary<Guid, string> GroupNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid pupilId, string? vue, string? depuis, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!await LoadPupilAsync(pupilId, ResourceAuthorization.Read, cancellationToken))
        {
            return NotFound();
        }

        Today = tenant.Today(clock);
        var groups = await directory.ListGroupsOfPupilsAsync([pupilId], cancellationToken);
        GroupNames = groups.ToDictionary(g => g.ClassGroupId, g => g.Name);
        if (vue == "seances")
        {
            ShowsSessions = true;
            Sessions = await homework.SessionsAsync(groups.Select(g => g.ClassGroupId).ToList(), page, cancellationToken);
            return Page();
        }

        // The reader may look back up to four weeks; "depuis" out of range or malformed falls back to today.
        From = DayNames.TryParseIso(depuis, Today, out var from) && from >= Today.AddDays(-28) && from <= Today.AddDays(90) ? from : Today;
        To = From.AddDays(DaysShown - 1);
        var due = await homework.DueAsync(User.RequiredAccountId(), groups, From, To, cancellationToken);
        Days = due.GroupBy(d => d.Work.DueOn).OrderBy(g => g.Key).ToList();
        Attachments = await homework.AttachmentsAsync(due.Where(d => d.Work.Attachments > 0).Select(d => d.Work.EntryId).ToList(), cancellationToken);
        await homework.RecordVisitAsync(User.RequiredAccountId(), pupilId, cancellationToken);
        return Page();
    }

    /// <summary>The pupil ticks (or unticks) a piece of work.</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid pupilId, Guid entryId, bool done, string? retour, CancellationToken cancellationToken)
    {
        if (!await LoadPupilAsync(pupilId, ResourceAuthorization.Manage, cancellationToken)
            || await access.EntryAsync(User, entryId, ResourceAuthorization.Read, tracked: false, cancellationToken) is not { Entry.HasWork: true })
        {
            return NotFound();
        }

        await markDone.RunAsync(entryId, pupilId, done, cancellationToken);
        this.Flash(done ? localizer["C’est noté : travail fait."] : localizer["C’est noté : travail à refaire."]);
        // Back where the pupil ticked: the home page, or this page at the same piece of work.
        return Redirect(retour == "/" ? $"/#travail-{entryId}" : $"/cahier-de-textes/eleve/{pupilId}#travail-{entryId}");
    }

    private async Task<bool> LoadPupilAsync(Guid pupilId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        if (await directory.GetPupilsAsync([pupilId], cancellationToken) is not [var pupil, ..]
            || !await authorization.CanAsync(User, new PupilHomework(pupil.Id, pupil.SchoolId), operation))
        {
            return false;
        }

        Pupil = pupil;
        IsThePupil = pupil.Id == User.AccountId();
        return true;
    }
}
