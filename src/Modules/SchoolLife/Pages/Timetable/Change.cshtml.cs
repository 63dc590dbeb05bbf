using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Timetable;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>Changes one lesson of one day (cancel, move, another room, a replacement), or takes the change back.</summary>
[Authorize(Policy = SchoolLifePermissions.ManageTimetable)]
internal sealed class ChangeModel(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    IAuthorizationService authorization,
    TeacherChoices teachers,
    RecordTimetableChange record,
    IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public TimetableSlot Slot { get; private set; } = null!;

    public ClassGroupInfo Group { get; private set; } = null!;

    public DateOnly LessonOn { get; private set; }

    public TimetableChange? Existing { get; private set; }

    public string? LessonError { get; private set; }

    public string? TeacherName { get; private set; }

    public IReadOnlyList<SelectListItem> Teachers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid slotId, string date, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, date, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } change)
        {
            Input = new ChangeInput
            {
                Cancel = change.IsCancelled,
                MovedTo = change.MovedTo,
                NewStartsAt = change.NewStartsAt,
                NewEndsAt = change.NewEndsAt,
                NewRoom = change.NewRoom,
                ReplacementTeacherId = change.ReplacementTeacherId,
                Note = change.Note,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid slotId, string date, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, date, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var errors = await record.RunAsync(Slot, Group, LessonOn, Input, User.RequiredAccountId(), cancellationToken);
            if (errors.Count == 0)
            {
                this.Flash(localizer["Le changement est enregistré ; la classe, ses familles et les enseignants concernés sont prévenus."]);
                return Redirect(WeekUrl);
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"Input.{error.Field}", error.Message);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUndoAsync(Guid slotId, string date, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, date, cancellationToken) || Existing is null)
        {
            return NotFound();
        }

        if (LessonError is null)
        {
            await record.UndoAsync(Slot, Group, Existing, cancellationToken);
            this.Flash(localizer["Le cours a de nouveau lieu comme prévu ; la classe et ses familles sont prévenues."]);
        }

        return Redirect(WeekUrl);
    }

    public string WeekUrl => $"/emploi-du-temps/classe/{Group.Id}?semaine={DayNames.Iso(LessonOn)}";

    private async Task<bool> LoadAsync(Guid slotId, string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lessonOn)
            || await db.TimetableSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, cancellationToken) is not { } slot
            || await directory.GetClassGroupAsync(slot.ClassGroupId, cancellationToken) is not { } group
            || !await authorization.CanAsync(User, new ClassTimetable(group), ResourceAuthorization.Manage))
        {
            return false;
        }

        Slot = slot;
        Group = group;
        LessonOn = lessonOn;
        Existing = await db.TimetableChanges.FirstOrDefaultAsync(c => c.SlotId == slotId && c.LessonOn == lessonOn, cancellationToken);
        LessonError = await record.LessonErrorAsync(slot, lessonOn, cancellationToken);
        TeacherName = slot.TeacherId is { } teacher && await directory.GetPeopleAsync([teacher], cancellationToken) is [var person, ..] ? person.DisplayName : null;
        Teachers = (await teachers.ForGroupAsync(group, cancellationToken))
            .Select(t => new SelectListItem(t.Subject is null ? t.Name : $"{t.Name} ({t.Subject})", t.Id.ToString()))
            .ToList();
        return true;
    }
}
