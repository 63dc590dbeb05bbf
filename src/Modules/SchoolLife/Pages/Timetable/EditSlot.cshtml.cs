using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>Changes or deletes a slot of a class's weekly timetable (for every week to come).</summary>
[Authorize(Policy = SchoolLifePermissions.ManageTimetable)]
internal sealed class EditSlotModel(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    IAuthorizationService authorization,
    TeacherChoices teachers,
    SaveTimetableSlot save,
    IStringLocalizer localizer) : SlotFormPage(directory, authorization, teachers, localizer)
{
    private readonly IStringLocalizer _localizer = localizer;

    public TimetableSlot Slot { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, cancellationToken))
        {
            return NotFound();
        }

        Input = new SlotInput
        {
            Id = Slot.Id,
            Day = Slot.Day,
            StartsAt = Slot.StartsAt,
            EndsAt = Slot.EndsAt,
            Subject = Slot.Subject,
            TeacherId = Slot.TeacherId,
            Room = Slot.Room,
            Weeks = Slot.Weeks,
        };
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (slot, errors) = await save.RunAsync(Group, Slot, Input, cancellationToken);
            if (slot is not null)
            {
                this.Flash(_localizer["Le cours est modifié pour toutes les semaines."]);
                return Redirect($"/emploi-du-temps/classe/{Group.Id}/cours");
            }

            AddErrors(errors);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, cancellationToken))
        {
            return NotFound();
        }

        await save.DeleteAsync(Slot, cancellationToken);
        this.Flash(_localizer["Le cours est retiré de l’emploi du temps."]);
        return Redirect($"/emploi-du-temps/classe/{Group.Id}/cours");
    }

    private async Task<bool> LoadAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (await db.TimetableSlots.FirstOrDefaultAsync(s => s.Id == slotId, cancellationToken) is not { } slot
            || !await LoadGroupAsync(slot.ClassGroupId, cancellationToken))
        {
            return false;
        }

        Slot = slot;
        return true;
    }
}
