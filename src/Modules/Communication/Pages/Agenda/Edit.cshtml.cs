using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Agenda;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Agenda;

/// <summary>Organises or changes an event: for whom, when, where, reminder, sign-up rules.</summary>
[Authorize(Policy = CommunicationPermissions.OrganizeEvents)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class EditModel(
    CommunicationDbContext db, AgendaEvents agenda, Targets targets, Readership readership,
    IAuthorizationService authorization, TenantContext tenant, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    public AgendaEvent? Existing { get; private set; }

    public IReadOnlyList<SelectListItem> TargetChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CategoryChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ReminderChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } e)
        {
            var start = tenant.ToLocal(e.StartsAt);
            var end = tenant.ToLocal(e.EndsAt);
            Input = new EventInput
            {
                Target = Target.KeyOf(e.SchoolId, e.ClassGroupId),
                Category = e.Category,
                Title = e.Title,
                Description = e.Description,
                Location = e.Location,
                Day = DateOnly.FromDateTime(start),
                StartTime = TimeOnly.FromDateTime(start),
                EndDay = DateOnly.FromDateTime(end) == DateOnly.FromDateTime(start) ? null : DateOnly.FromDateTime(end),
                EndTime = TimeOnly.FromDateTime(end),
                IsPublic = e.IsPublic,
                ReminderMinutes = e.ReminderMinutes,
                DeadlineOn = e.SignUpDeadline is { } d ? DateOnly.FromDateTime(tenant.ToLocal(d)) : null,
                DeadlineTime = e.SignUpDeadline is { } t ? TimeOnly.FromDateTime(tenant.ToLocal(t)) : null,
                OneSlotPerFamily = e.OneSlotPerFamily,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var startsAt = tenant.ToUtc(Input.Day!.Value, Input.StartTime!.Value);
        var endsAt = tenant.ToUtc(Input.EndDay ?? Input.Day.Value, Input.EndTime!.Value);
        DateTime? deadline = Input.DeadlineOn is { } day ? tenant.ToUtc(day, Input.DeadlineTime ?? new TimeOnly(23, 59)) : null;
        var reader = await readership.ForUserAsync(User, cancellationToken);
        var draft = new EventDraft(Input.Target ?? string.Empty, Input.Category, Input.Title ?? string.Empty, Input.Description, Input.Location,
            startsAt, endsAt, Input.IsPublic, Input.ReminderMinutes, deadline, Input.OneSlotPerFamily);
        var (saved, errors) = await agenda.SaveAsync(reader, Existing, draft, cancellationToken);
        if (saved is null)
        {
            ModelState.AddFieldErrors(errors, localizer);

            return Page();
        }

        this.Flash(localizer["L’événement est enregistré."]);
        return Redirect($"/agenda/{saved.Id}");
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } eventId)
        {
            Existing = await db.AgendaEvents.FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
            if (Existing is null || Existing.CancelledAt is not null || !await authorization.CanAsync(User, Existing, ResourceAuthorization.Manage))
            {
                return false;
            }
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        var choices = (await targets.ForAsync(reader, AgendaRights.Targets, cancellationToken)).Select(c => new SelectListItem(localizer[c.Label], c.Key)).ToList();
        if (Existing is not null && choices.All(c => c.Value != Target.KeyOf(Existing.SchoolId, Existing.ClassGroupId)))
        {
            choices.Add(new SelectListItem(localizer["Origine actuelle"], Target.KeyOf(Existing.SchoolId, Existing.ClassGroupId)));
        }

        TargetChoices = choices;
        CategoryChoices = Enum.GetValues<EventCategory>().Select(c => new SelectListItem(localizer[ListEvents.CategoryLabel(c)], c.ToString())).ToList();
        ReminderChoices =
        [
            new(localizer["Pas de rappel"], string.Empty),
            new(localizer["1 heure avant"], "60"),
            new(localizer["La veille"], (24 * 60).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(localizer["2 jours avant"], (2 * 24 * 60).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(localizer["Une semaine avant"], (7 * 24 * 60).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        return choices.Count > 0;
    }
}

/// <summary>The event form.</summary>
internal sealed class EventInput
{
    [Required(ErrorMessage = "Choisissez pour qui est l’événement.")]
    public string? Target { get; set; }

    public EventCategory Category { get; set; } = EventCategory.Other;

    [Required(ErrorMessage = "Indiquez un titre.")]
    [StringLength(AgendaEvent.TitleMaxLength, ErrorMessage = "Le titre ne dépasse pas 200 caractères.")]
    public string? Title { get; set; }

    [StringLength(AgendaEvent.DescriptionMaxLength, ErrorMessage = "La description ne dépasse pas 4 000 caractères.")]
    public string? Description { get; set; }

    [StringLength(AgendaEvent.LocationMaxLength, ErrorMessage = "Le lieu ne dépasse pas 200 caractères.")]
    public string? Location { get; set; }

    [Required(ErrorMessage = "Indiquez le jour de l’événement.")]
    public DateOnly? Day { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de début.")]
    public TimeOnly? StartTime { get; set; }

    public DateOnly? EndDay { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de fin.")]
    public TimeOnly? EndTime { get; set; }

    public bool IsPublic { get; set; }

    public int? ReminderMinutes { get; set; }

    public DateOnly? DeadlineOn { get; set; }

    public TimeOnly? DeadlineTime { get; set; }

    public bool OneSlotPerFamily { get; set; }
}
