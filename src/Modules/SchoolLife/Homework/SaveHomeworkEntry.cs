using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Files;
using Preau.Platform.Tenancy;
using Preau.Platform.Text;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Homework;

/// <summary>A message about one field of the form (an empty field name for the whole form), already translated.</summary>
internal sealed record FieldError(string Field, string Message);

/// <summary>What saving a session gave.</summary>
/// <param name="Entry">The saved entry, when saved.</param>
/// <param name="Errors">Why it was not saved.</param>
internal sealed record SaveOutcome(HomeworkEntry? Entry, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Entry is not null;
}

/// <summary>
/// Creates or changes a session of a class's homework log: checks the rules (school days, due date,
/// sizes, files), sanitises the rich text, stores the files, and schedules the families' notification
/// for the publication instant. The caller has checked the rights.
/// </summary>
internal sealed class SaveHomeworkEntry(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    TenantContext tenant,
    TimeProvider clock,
    RichText richText,
    UploadInspector inspector,
    IFileStore files,
    IStringLocalizer localizer)
{
    /// <summary>Lesson documents per session, at most.</summary>
    public const int MaxLessonFiles = 5;

    private static readonly FileKind[] AcceptedKinds = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.Webp, FileKind.Text];

    /// <summary>
    /// Saves a new entry (<paramref name="existing"/> null) or changes one. With <paramref name="mayStore"/>
    /// false (the form already has errors), only checks, so that every message shows at once.
    /// </summary>
    public async Task<SaveOutcome> RunAsync(
        ClassGroupInfo group,
        HomeworkEntry? existing,
        HomeworkEntryInput input,
        IReadOnlyList<IFormFile> lessonFiles,
        IFormFile? workFile,
        Guid authorId,
        bool mayStore,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var now = TruncateToSeconds(clock.GetUtcNow().UtcDateTime);
        var today = tenant.Today(clock);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);

        var lesson = CheckedHtml(nameof(input.Lesson), input.Lesson, errors);
        var work = CheckedHtml(nameof(input.Work), input.Work, errors);
        if (lesson.Length == 0 && work.Length == 0 && errors.Count == 0)
        {
            errors.Add(new(nameof(input.Lesson), localizer["Écrivez ce qui a été fait en classe, ou le travail à faire."]));
        }

        if (input.SessionOn is { } session && HomeworkRules.SessionDateError(session, group.SchoolYearId, calendar) is { } sessionError)
        {
            errors.Add(new(nameof(input.SessionOn), localizer[sessionError]));
        }

        var publishAt = PublishInstant(input, existing, now, errors);
        if (work.Length > 0 && input.DueOn is null)
        {
            errors.Add(new(nameof(input.DueOn), localizer["Indiquez pour quel jour le travail est à faire."]));
        }
        else if (work.Length == 0 && input.DueOn is not null && errors.All(e => e.Field != nameof(input.Work)))
        {
            errors.Add(new(nameof(input.Work), localizer["Décrivez le travail à faire pour ce jour, ou effacez la date."]));
        }
        else if (input.DueOn is { } due)
        {
            var publishedOn = DateOnly.FromDateTime(tenant.ToLocal(publishAt > now ? publishAt : now));
            if (HomeworkRules.DueDateError(due, today, publishedOn, group.SchoolYearId, calendar) is { } dueError)
            {
                errors.Add(new(nameof(input.DueOn), localizer[dueError]));
            }
        }

        var attachments = existing is null
            ? []
            : await db.HomeworkAttachments.Where(a => a.EntryId == existing.Id).ToListAsync(cancellationToken);
        var removed = attachments.Where(a => input.RemoveAttachments.Contains(a.Id)).ToList();
        var keptLessonFiles = attachments.Count(a => a.Part == AttachmentPart.Lesson) - removed.Count(a => a.Part == AttachmentPart.Lesson);
        var uploads = new List<(IFormFile File, AttachmentPart Part, UploadCheck Check)>();
        if (keptLessonFiles + lessonFiles.Count > MaxLessonFiles)
        {
            errors.Add(new("LessonFiles", localizer["Joignez au plus {0} documents à la séance.", MaxLessonFiles]));
        }
        else
        {
            foreach (var (file, part, field) in lessonFiles.Select(f => (f, AttachmentPart.Lesson, "LessonFiles"))
                         .Concat(workFile is null ? [] : [(workFile, AttachmentPart.Work, "WorkFile")]))
            {
                var check = await inspector.InspectAsync(file.OpenReadStream(), AcceptedKinds, cancellationToken);
                if (!check.IsAccepted)
                {
                    errors.Add(new(field, $"{SafeFileName(file.FileName)} : {check.Error}"));
                }

                uploads.Add((file, part, check));
            }
        }

        if (errors.Count > 0 || !mayStore)
        {
            return new SaveOutcome(null, errors);
        }

        var entry = existing ?? new HomeworkEntry
        {
            Id = input.Id,
            SchoolId = group.SchoolId,
            SchoolYearId = group.SchoolYearId,
            ClassGroupId = group.Id,
            AuthorId = authorId,
            Subject = string.Empty,
            CreatedAt = now,
        };
        var wasScheduledAt = existing?.PublishAt;
        entry.Subject = input.Subject!.Trim();
        entry.SessionOn = input.SessionOn!.Value;
        entry.SessionStartsAt = input.SessionStartsAt;
        entry.LessonHtml = lesson;
        entry.WorkHtml = work;
        entry.DueOn = work.Length > 0 ? input.DueOn : null;
        entry.EstimatedMinutes = work.Length > 0 ? input.EstimatedMinutes : null;
        entry.PublishAt = publishAt;
        entry.UpdatedAt = now;
        if (existing is null)
        {
            db.HomeworkEntries.Add(entry);
        }
        else
        {
            // Optimistic concurrency: the row is updated only if nobody saved it since the form was shown.
            db.Entry(existing).Property(e => e.UpdatedAt).OriginalValue = new DateTime(input.Version, DateTimeKind.Utc);
        }

        var stored = new List<string>();
        foreach (var (file, part, check) in uploads)
        {
            await using var content = file.OpenReadStream();
            var key = await files.SaveAsync(content, cancellationToken);
            stored.Add(key);
            db.HomeworkAttachments.Add(new HomeworkAttachment
            {
                EntryId = entry.Id,
                Part = part,
                FileKey = key,
                FileName = SafeFileName(file.FileName),
                ContentType = check.ContentType,
                Size = file.Length,
                CreatedAt = now,
            });
        }

        db.HomeworkAttachments.RemoveRange(removed);
        if (entry.NotifiedAt is null && wasScheduledAt != publishAt)
        {
            db.Publish(new HomeworkPublished(entry.Id, publishAt), publishAt > now ? publishAt : null);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            await DeleteFilesAsync(stored);
            db.ChangeTracker.Clear();
            return new SaveOutcome(null, [new(string.Empty, exception is DbUpdateConcurrencyException
                ? localizer["Cette séance a été modifiée entre-temps (dans un autre onglet ?). Vos changements ne sont pas enregistrés : rechargez la page pour voir la dernière version."]
                : localizer["Cette séance est déjà enregistrée."])]);
        }

        await DeleteFilesAsync(removed.Select(a => a.FileKey));
        return new SaveOutcome(entry, []);
    }

    /// <summary>Deletes an entry, its marks and its files (its author only; the caller has checked).</summary>
    public async Task DeleteAsync(HomeworkEntry entry, CancellationToken cancellationToken)
    {
        var keys = await db.HomeworkAttachments.Where(a => a.EntryId == entry.Id).Select(a => a.FileKey).ToListAsync(cancellationToken);
        db.HomeworkEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        await DeleteFilesAsync(keys);
    }

    /// <summary>A file name safe to show and to offer for download: no path, no control character, bounded.</summary>
    public static string SafeFileName(string? name)
    {
        var simple = new string(Path.GetFileName(name ?? string.Empty).Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/')).ToArray()).Trim();
        if (simple.Length > HomeworkAttachment.FileNameMaxLength)
        {
            var extension = Path.GetExtension(simple);
            simple = simple[..(HomeworkAttachment.FileNameMaxLength - extension.Length)] + extension;
        }

        return simple.Length == 0 ? "document" : simple;
    }

    private string CheckedHtml(string field, string? input, List<FieldError> errors)
    {
        if (input is { Length: > RichText.MaxLength })
        {
            errors.Add(new(field, localizer["Le texte est trop long : {0} caractères au plus.", RichText.MaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]));
            return string.Empty;
        }

        var html = RichTextInput.ToSafeHtml(input, richText);
        return RichTextInput.HasText(html) ? html : string.Empty;
    }

    private DateTime PublishInstant(HomeworkEntryInput input, HomeworkEntry? existing, DateTime now, List<FieldError> errors)
    {
        if (input.PublishOn is { } day && input.PublishTime is { } time)
        {
            var at = tenant.ToUtc(day, time);
            // A publication time already past means "now"; an entry already published keeps its date.
            return at > now ? at : existing is { } published && published.PublishAt <= now ? published.PublishAt : now;
        }

        if (input.PublishOn is not null || input.PublishTime is not null)
        {
            errors.Add(new(input.PublishOn is null ? nameof(input.PublishOn) : nameof(input.PublishTime), localizer["Indiquez le jour et l’heure de publication, ou laissez les deux vides pour publier tout de suite."]));
        }

        return existing is { } current && current.PublishAt <= now ? current.PublishAt : now;
    }

    private async Task DeleteFilesAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
    }

    private static DateTime TruncateToSeconds(DateTime instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
