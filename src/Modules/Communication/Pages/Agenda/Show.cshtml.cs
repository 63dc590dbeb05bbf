using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Agenda;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Agenda;

/// <summary>One slot as this reader sees it.</summary>
internal sealed record SlotLine(EventSlot Slot, SlotBooking? Booking, string? Family, string? Child, bool IsMine);

/// <summary>An event; guardians book and cancel slots, the organiser sees the schedule, prints it, adds slots.</summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class ShowModel(
    CommunicationDbContext db, AgendaEvents agenda, Readership readership, IAuthorizationService authorization,
    IStructureDirectory directory, ListNews origins, TenantContext tenant, IStringLocalizer localizer) : PageModel
{
    public AgendaEvent Event { get; private set; } = null!;

    public string Origin { get; private set; } = string.Empty;

    public string Organizer { get; private set; } = string.Empty;

    public IReadOnlyList<SlotLine> Slots { get; private set; } = [];

    public IReadOnlyList<PupilInfo> Children { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanSignUp { get; private set; }

    [BindProperty]
    public SlotsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var local = tenant.ToLocal(Event.StartsAt);
        Input = new SlotsInput { Day = DateOnly.FromDateTime(local), From = TimeOnly.FromDateTime(local), To = TimeOnly.FromDateTime(tenant.ToLocal(Event.EndsAt)), LengthMinutes = 10 };
        return Page();
    }

    public async Task<IActionResult> OnPostSignUpAsync(Guid id, Guid slotId, Guid pupilId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanSignUp)
        {
            return NotFound();
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        if (await agenda.SignUpAsync(reader, Event, slotId, pupilId, cancellationToken) is { } error)
        {
            ModelState.AddModelError(string.Empty, localizer[error]);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        this.Flash(localizer["Votre rendez-vous est réservé."]);
        return Redirect($"/agenda/{id}");
    }

    public async Task<IActionResult> OnPostCancelBookingAsync(Guid id, Guid bookingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanSignUp)
        {
            return NotFound();
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        if (await agenda.CancelBookingAsync(reader, Event, bookingId, cancellationToken) is { } error)
        {
            ModelState.AddModelError(string.Empty, localizer[error]);
            return Page();
        }

        this.Flash(localizer["Votre réservation est annulée."]);
        return Redirect($"/agenda/{id}");
    }

    public async Task<IActionResult> OnPostAddSlotsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanManage)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var from = tenant.ToUtc(Input.Day!.Value, Input.From!.Value);
        var to = tenant.ToUtc(Input.Day.Value, Input.To!.Value);
        if (await agenda.AddSlotsAsync(Event, from, to, Input.LengthMinutes, cancellationToken) is { } error)
        {
            ModelState.AddModelError("Input.From", localizer[error]);
            return Page();
        }

        this.Flash(localizer["Les créneaux sont ajoutés."]);
        return Redirect($"/agenda/{id}#creneaux");
    }

    public async Task<IActionResult> OnPostRemoveSlotAsync(Guid id, Guid slotId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanManage)
        {
            return NotFound();
        }

        this.Flash(await agenda.RemoveSlotAsync(Event, slotId, cancellationToken)
            ? localizer["Le créneau est retiré."]
            : localizer["Ce créneau est réservé : il ne peut pas être retiré."]);
        return Redirect($"/agenda/{id}#creneaux");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanManage || Event.CancelledAt is not null)
        {
            return NotFound();
        }

        await agenda.CancelAsync(Event, cancellationToken);
        this.Flash(localizer["L’événement est annulé ; les familles inscrites sont prévenues."]);
        return Redirect($"/agenda/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var e = await db.AgendaEvents.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null || !await authorization.CanAsync(User, e, ResourceAuthorization.Read))
        {
            return false;
        }

        Event = e;
        var reader = await readership.ForUserAsync(User, cancellationToken);
        CanManage = await authorization.CanAsync(User, e, ResourceAuthorization.Manage);
        CanSignUp = await authorization.CanAsync(User, e, PublishingOperations.SignUp);
        Children = AgendaRights.ChildrenConcerned(reader, e);
        Origin = (await origins.OriginsAsync([(e.SchoolId, e.ClassGroupId)], cancellationToken))((e.SchoolId, e.ClassGroupId));
        var slots = await db.EventSlots.AsNoTracking().Where(s => s.EventId == id).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        var bookings = await db.SlotBookings.AsNoTracking().Where(b => b.EventId == id).ToDictionaryAsync(b => b.SlotId, cancellationToken);
        var people = CanManage
            ? (await directory.GetPeopleAsync(bookings.Values.SelectMany(b => new[] { b.GuardianId, b.PupilId }).Append(e.OrganizerId), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName)
            : (await directory.GetPeopleAsync([e.OrganizerId], cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        var childNames = Children.ToDictionary(c => c.Id, c => c.FirstName);
        Organizer = people.GetValueOrDefault(e.OrganizerId) ?? string.Empty;
        Slots = slots.Select(s =>
        {
            var booking = bookings.GetValueOrDefault(s.Id);
            var mine = booking is not null && reader.Relations.IsGuardianOf(booking.PupilId);
            return new SlotLine(s, booking,
                CanManage && booking is not null ? people.GetValueOrDefault(booking.GuardianId) : null,
                booking is null ? null : CanManage ? people.GetValueOrDefault(booking.PupilId) : mine ? childNames.GetValueOrDefault(booking.PupilId) : null,
                mine);
        }).ToList();
        return true;
    }
}

/// <summary>The slot generator's form.</summary>
internal sealed class SlotsInput
{
    [Required(ErrorMessage = "Indiquez le jour des créneaux.")]
    public DateOnly? Day { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure du premier créneau.")]
    public TimeOnly? From { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de fin du dernier créneau.")]
    public TimeOnly? To { get; set; }

    [Range(SlotRules.MinLengthMinutes, SlotRules.MaxLengthMinutes, ErrorMessage = "Un créneau dure de 5 à 240 minutes.")]
    public int LengthMinutes { get; set; } = 10;
}
