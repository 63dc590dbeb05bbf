using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>
/// A new session in a class's log, by a teacher of the class or the school's head. Opened from the
/// teacher's home for a lesson of the day, it is prefilled with the lesson's date, time and subject (and
/// leads to the entry already written for that lesson, if any).
/// </summary>
[Authorize(Policy = SchoolLifePermissions.WriteHomework)]
internal sealed class NewModel(
    HomeworkAccess access,
    SaveHomeworkEntry save,
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer) : EntryFormPage(db, directory)
{
    private readonly SchoolLifeDbContext _db = db;

    public async Task<IActionResult> OnGetAsync(Guid classGroupId, string? date, string? debut, string? matiere, CancellationToken cancellationToken)
    {
        if (await access.LogAsync(User, classGroupId, ResourceAuthorization.Manage, cancellationToken) is not { } log)
        {
            return NotFound();
        }

        Log = log;
        var day = DayNames.TryParseIso(date, tenant.Today(clock), out var parsed) ? parsed : tenant.Today(clock);
        TimeOnly? start = TimeOnly.TryParseExact(debut, "HH:mm", out var time) ? time : null;
        if (start is not null)
        {
            var authorId = User.RequiredAccountId();
            var written = await _db.HomeworkEntries.AsNoTracking()
                .Where(e => e.ClassGroupId == classGroupId && e.SessionOn == day && e.SessionStartsAt == start && e.AuthorId == authorId)
                .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (written is { } id)
            {
                return Redirect($"/cahier-de-textes/seance/{id}/modifier");
            }
        }

        Input = new HomeworkEntryInput
        {
            Id = Guid.CreateVersion7(),
            SessionOn = day,
            SessionStartsAt = start,
            Subject = matiere is { Length: <= HomeworkEntry.SubjectMaxLength } ? matiere : null,
        };
        await LoadSubjectsAsync(classGroupId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid classGroupId, CancellationToken cancellationToken)
    {
        if (await access.LogAsync(User, classGroupId, ResourceAuthorization.Manage, cancellationToken) is not { } log)
        {
            return NotFound();
        }

        Log = log;
        if (Input.Id == Guid.Empty)
        {
            Input.Id = Guid.CreateVersion7();
        }

        var outcome = await save.RunAsync(log.Group, null, Input, LessonFiles, WorkFile, User.RequiredAccountId(), ModelState.IsValid, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await RedisplayAsync(outcome.Errors, cancellationToken);
        }

        this.Flash(outcome.Entry!.PublishAt > clock.GetUtcNow().UtcDateTime
            ? localizer["La séance est enregistrée ; les familles la verront à la date de publication choisie."]
            : localizer["La séance est enregistrée et publiée : les élèves et leurs familles sont prévenus."]);
        return Redirect($"/cahier-de-textes/classe/{classGroupId}");
    }
}
