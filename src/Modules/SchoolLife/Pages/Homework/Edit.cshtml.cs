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

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>Changes or deletes a session, by its author only, during the class's school year.</summary>
[Authorize(Policy = SchoolLifePermissions.WriteHomework)]
internal sealed class EditModel(
    HomeworkAccess access,
    SaveHomeworkEntry save,
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    TenantContext tenant,
    IStringLocalizer localizer) : EntryFormPage(db, directory)
{
    private readonly SchoolLifeDbContext _db = db;
    private readonly IStructureDirectory _directory = directory;

    public HomeworkEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var publishAt = tenant.ToLocal(DateTime.SpecifyKind(Entry.PublishAt, DateTimeKind.Utc));
        Input = new HomeworkEntryInput
        {
            Id = Entry.Id,
            Version = Entry.UpdatedAt.Ticks,
            Subject = Entry.Subject,
            SessionOn = Entry.SessionOn,
            SessionStartsAt = Entry.SessionStartsAt,
            Lesson = Entry.LessonHtml,
            Work = Entry.WorkHtml,
            DueOn = Entry.DueOn,
            EstimatedMinutes = Entry.EstimatedMinutes,
            PublishOn = DateOnly.FromDateTime(publishAt),
            PublishTime = TimeOnly.FromDateTime(publishAt),
        };
        await LoadSubjectsAsync(Entry.ClassGroupId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await save.RunAsync(Log.Group, Entry, Input, LessonFiles, WorkFile, User.RequiredAccountId(), ModelState.IsValid, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await RedisplayAsync(outcome.Errors, cancellationToken);
        }

        this.Flash(localizer["Vos changements sont enregistrés."]);
        return Redirect($"/cahier-de-textes/seance/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await save.DeleteAsync(Entry, cancellationToken);
        this.Flash(localizer["La séance est supprimée du cahier de textes."]);
        return Redirect($"/cahier-de-textes/classe/{Entry.ClassGroupId}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.EntryAsync(User, id, ResourceAuthorization.Manage, tracked: true, cancellationToken) is not { } resource
            || await _directory.GetClassGroupAsync(resource.Entry.ClassGroupId, cancellationToken) is not { } group)
        {
            return false;
        }

        Entry = resource.Entry;
        Log = new ClassLog(group, resource.IsWritable);
        Existing = await _db.HomeworkAttachments.AsNoTracking().Where(a => a.EntryId == id).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        return true;
    }
}
