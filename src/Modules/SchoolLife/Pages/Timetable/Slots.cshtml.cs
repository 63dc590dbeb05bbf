using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>The weekly timetable of a class, slot by slot, as its head or school-life staff enter it.</summary>
[Authorize(Policy = SchoolLifePermissions.ManageTimetable)]
internal sealed class SlotsModel(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    IAuthorizationService authorization,
    TeacherChoices teachers,
    SaveTimetableSlot save,
    IStringLocalizer localizer) : SlotFormPage(directory, authorization, teachers, localizer)
{
    private readonly IStructureDirectory _directory = directory;
    private readonly IStringLocalizer _localizer = localizer;

    public IReadOnlyList<TimetableSlot> Slots { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> TeacherNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid classGroupId, CancellationToken cancellationToken)
    {
        if (!await LoadGroupAsync(classGroupId, cancellationToken))
        {
            return NotFound();
        }

        Input = new SlotInput { Id = Guid.CreateVersion7() };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid classGroupId, CancellationToken cancellationToken)
    {
        if (!await LoadGroupAsync(classGroupId, cancellationToken))
        {
            return NotFound();
        }

        if (Input.Id == Guid.Empty)
        {
            Input.Id = Guid.CreateVersion7();
        }

        if (ModelState.IsValid)
        {
            var (slot, errors) = await save.RunAsync(Group, null, Input, cancellationToken);
            if (slot is not null)
            {
                this.Flash(_localizer["Le cours est ajouté à l’emploi du temps."]);
                return Redirect($"/emploi-du-temps/classe/{classGroupId}/cours");
            }

            AddErrors(errors);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Slots = (await db.TimetableSlots.AsNoTracking().Where(s => s.ClassGroupId == Group.Id).ToListAsync(cancellationToken))
            .OrderBy(s => s.Day).ThenBy(s => s.StartsAt).ToList();
        var ids = Slots.Select(s => s.TeacherId).OfType<Guid>().Distinct().ToList();
        TeacherNames = ids.Count == 0 ? new Dictionary<Guid, string>() : (await _directory.GetPeopleAsync(ids, cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
    }
}
