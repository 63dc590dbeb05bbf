using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Communication.SchoolCouncil;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.SchoolCouncil;

/// <summary>A school council's space: its meetings, and for members its composition; the head chooses members and plans meetings.</summary>
[Authorize(Policy = CommunicationPermissions.UseSchoolCouncil)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class SpaceModel(
    CommunicationDbContext db, SchoolCouncils councils, IAuthorizationService authorization, IStructureDirectory directory,
    TenantContext tenant, IStringLocalizer localizer) : PageModel
{
    public CouncilView View { get; private set; } = null!;

    public bool IsMember { get; private set; }

    public bool Manages { get; private set; }

    public IReadOnlyList<CouncilMeeting> Meetings { get; private set; } = [];

    public IReadOnlyList<(CouncilMember Member, string Name)> Members { get; private set; } = [];

    public IReadOnlyList<PersonInfo> ByRight { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CandidateChoices { get; private set; } = [];

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [BindProperty]
    public string? Candidate { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid councilId, CancellationToken cancellationToken) =>
        await LoadAsync(councilId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddMemberAsync(Guid councilId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(councilId, cancellationToken) || !Manages)
        {
            return NotFound();
        }

        var parts = (Candidate ?? string.Empty).Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var accountId) || !Enum.TryParse<CouncilRole>(parts[1], out var role))
        {
            ModelState.AddModelError(nameof(Candidate), localizer["Choisissez la personne à ajouter."]);
            return Page();
        }

        if (await councils.AddMemberAsync(View, accountId, role, cancellationToken) is { } error)
        {
            ModelState.AddModelError(nameof(Candidate), localizer[error]);
            return Page();
        }

        this.Flash(localizer["Le membre est ajouté au conseil."]);
        return Redirect($"/conseil-ecole/{councilId}");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid councilId, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(councilId, cancellationToken) || !Manages)
        {
            return NotFound();
        }

        await councils.RemoveMemberAsync(View, memberId, cancellationToken);
        this.Flash(localizer["Le membre est retiré du conseil."]);
        return Redirect($"/conseil-ecole/{councilId}");
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid councilId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(councilId, cancellationToken) || !Manages)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var startsAt = tenant.ToUtc(Input.Day!.Value, Input.Time!.Value);
        var deadline = Input.QuestionsUntil is { } day ? tenant.ToUtc(day, new TimeOnly(23, 59)) : startsAt.AddDays(-2);
        var (meeting, errors) = await councils.PlanMeetingAsync(View, null, startsAt, deadline, Input.Location, Input.Agenda, cancellationToken);
        if (meeting is null)
        {
            ModelState.AddFieldErrors(errors, localizer);

            return Page();
        }

        this.Flash(localizer["La séance est programmée."]);
        return Redirect($"/conseil-ecole/seances/{meeting.Id}");
    }

    private async Task<bool> LoadAsync(Guid councilId, CancellationToken cancellationToken)
    {
        if (await councils.FindAsync(councilId, User.RequiredAccountId(), cancellationToken) is not { } view
            || !await authorization.CanAsync(User, view.Access, ResourceAuthorization.Read))
        {
            return false;
        }

        View = view;
        IsMember = await authorization.CanAsync(User, view.Access, PublishingOperations.Member);
        Manages = await authorization.CanAsync(User, view.Access, ResourceAuthorization.Manage);
        Meetings = await db.CouncilMeetings.AsNoTracking().Where(m => m.CouncilId == councilId).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        if (IsMember)
        {
            var members = await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == councilId).ToListAsync(cancellationToken);
            var names = (await directory.GetPeopleAsync(members.Select(m => m.AccountId), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
            Members = members.Select(m => (m, names.GetValueOrDefault(m.AccountId) ?? string.Empty)).OrderBy(m => m.Item1.Role).ThenBy(m => m.Item2).ToList();
            ByRight = (await directory.ListStaffOfSchoolAsync(view.School.Id, cancellationToken: cancellationToken))
                .Where(s => s.Profile is Profile.Head or Profile.Teacher).DistinctBy(s => s.AccountId).Select(s => new PersonInfo(s.AccountId, s.FirstName, s.LastName)).ToList();
        }

        if (Manages)
        {
            var present = Members.Select(m => m.Member.AccountId).ToHashSet();
            CandidateChoices = (await councils.CandidatesAsync(view.School.Id, cancellationToken))
                .Where(c => !present.Contains(c.AccountId))
                .Select(c => new SelectListItem($"{c.Name} – {localizer[RoleLabel(c.Role)]}", $"{c.AccountId}:{c.Role}"))
                .ToList();
        }

        return true;
    }

    public static string RoleLabel(CouncilRole role) => role switch
    {
        CouncilRole.ParentRepresentative => Fr("représentant des parents d’élèves"),
        CouncilRole.TownRepresentative => Fr("représentant de la mairie"),
        _ => Fr("inspecteur de l’Éducation nationale"),
    };

    private static string Fr(string french) => Platform.Localization.Text.Fr(french);
}

/// <summary>The meeting form.</summary>
internal sealed class MeetingInput
{
    [Required(ErrorMessage = "Indiquez le jour de la séance.")]
    public DateOnly? Day { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de la séance.")]
    public TimeOnly? Time { get; set; }

    [StringLength(CouncilMeeting.LocationMaxLength, ErrorMessage = "Le lieu ne dépasse pas 200 caractères.")]
    public string? Location { get; set; }

    public DateOnly? QuestionsUntil { get; set; }

    [StringLength(Platform.Text.RichText.MaxLength, ErrorMessage = "L’ordre du jour ne dépasse pas 100 000 caractères.")]
    public string? Agenda { get; set; }
}
