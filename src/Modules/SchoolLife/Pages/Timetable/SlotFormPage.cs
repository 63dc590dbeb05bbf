using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>What the pages that add and change a slot share: the form, its choices, the class it belongs to.</summary>
internal abstract class SlotFormPage(IStructureDirectory directory, IAuthorizationService authorization, TeacherChoices teachers, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public SlotInput Input { get; set; } = new();

    public ClassGroupInfo Group { get; protected set; } = null!;

    public IReadOnlyList<SelectListItem> Days { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Teachers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> WeekChoices { get; private set; } = [];

    /// <summary>Loads the class if the user manages its timetable.</summary>
    protected async Task<bool> LoadGroupAsync(Guid classGroupId, CancellationToken cancellationToken)
    {
        if (await directory.GetClassGroupAsync(classGroupId, cancellationToken) is not { } group
            || !await authorization.CanAsync(User, new ClassTimetable(group), ResourceAuthorization.Manage))
        {
            return false;
        }

        Group = group;
        return true;
    }

    /// <summary>The choices of the form's lists, in the reader's language.</summary>
    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new SelectListItem(CultureInfo.CurrentCulture.TextInfo.ToTitleCase(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d)), d.ToString()))
            .ToList();
        Teachers = (await teachers.ForGroupAsync(Group, cancellationToken))
            .Select(t => new SelectListItem(t.Subject is null ? t.Name : $"{t.Name} ({t.Subject})", t.Id.ToString()))
            .ToList();
        WeekChoices =
        [
            new SelectListItem(localizer["Toutes les semaines"], nameof(WeekPattern.Every)),
            new SelectListItem(localizer["Semaine A seulement"], nameof(WeekPattern.A)),
            new SelectListItem(localizer["Semaine B seulement"], nameof(WeekPattern.B)),
        ];
    }

    /// <summary>Puts the rules' messages beside their fields.</summary>
    protected void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"Input.{error.Field}", error.Message);
        }
    }
}
