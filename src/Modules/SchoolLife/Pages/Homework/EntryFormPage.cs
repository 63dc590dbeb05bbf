using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>
/// What the "new session" and "change a session" pages share: the form's fields and files, the subjects
/// to suggest, and the redisplay of what the teacher typed with the errors beside their fields.
/// </summary>
/// <remarks>
/// The form limits let 10 MB of text reach the rules, which answer with a clear message (the default
/// 4 MB limit would fail before the page could say anything); files are limited by <see cref="Platform.Files.UploadInspector"/>.
/// </remarks>
[RequestFormLimits(ValueLengthLimit = FormValueLimit, MultipartBodyLengthLimit = BodyLimit)]
[RequestSizeLimit(BodyLimit)]
internal abstract class EntryFormPage(SchoolLifeDbContext db, IStructureDirectory directory) : PageModel
{
    public const int FormValueLimit = 16 * 1024 * 1024;

    public const long BodyLimit = 96L * 1024 * 1024;

    [BindProperty]
    public HomeworkEntryInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> LessonFiles { get; set; } = [];

    [BindProperty]
    public IFormFile? WorkFile { get; set; }

    public ClassLog Log { get; protected set; } = null!;

    public IReadOnlyList<string> Subjects { get; private set; } = [];

    public IReadOnlyList<HomeworkAttachment> Existing { get; protected set; } = [];

    /// <summary>Whether the form is shown again after errors (the files must then be chosen again).</summary>
    public bool IsRedisplay { get; private set; }

    /// <summary>The subjects of the class's timetable and teachers, to suggest.</summary>
    protected async Task LoadSubjectsAsync(Guid classGroupId, CancellationToken cancellationToken)
    {
        var fromTimetable = await db.TimetableSlots.AsNoTracking().Where(s => s.ClassGroupId == classGroupId).Select(s => s.Subject).Distinct().ToListAsync(cancellationToken);
        var fromTeachers = (await directory.ListTeachingOfGroupsAsync([classGroupId], cancellationToken)).Select(t => t.Subject).OfType<string>();
        Subjects = fromTimetable.Concat(fromTeachers).Where(s => s.Length > 0).Distinct().Order(StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Puts the rules' messages beside their fields and shows the form again with what was typed.</summary>
    protected async Task<IActionResult> RedisplayAsync(IEnumerable<FieldError> errors, CancellationToken cancellationToken)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : error.Field is "LessonFiles" or "WorkFile" ? error.Field : $"Input.{error.Field}", error.Message);
        }

        IsRedisplay = true;
        await LoadSubjectsAsync(Log.Group.Id, cancellationToken);
        return Page();
    }
}
