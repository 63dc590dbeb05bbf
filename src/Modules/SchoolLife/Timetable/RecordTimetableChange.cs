using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;
using static Preau.Platform.Localization.Text;

namespace Preau.SchoolLife.Timetable;

/// <summary>
/// Records a change to one lesson (cancelled, moved, another room, a replacement teacher), or takes it
/// back, and notifies the class's families and the teachers concerned in the same transaction.
/// Lessons of past days are history: they are not changed. The caller has checked the rights.
/// </summary>
internal sealed class RecordTimetableChange(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    ScheduleSettingsStore settingsStore,
    TeacherChoices teachers,
    FamiliesOfGroup families,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer)
{
    /// <summary>The notification category.</summary>
    public const string Category = "schoollife.timetable";

    /// <summary>Why the lesson of that date cannot be changed, or null: it must take place that day, today or later.</summary>
    public async Task<string?> LessonErrorAsync(TimetableSlot slot, DateOnly lessonOn, CancellationToken cancellationToken)
    {
        if (lessonOn < tenant.Today(clock))
        {
            return localizer["Ce cours a déjà eu lieu : il ne peut plus être modifié."].Value;
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var settings = await settingsStore.ForSchoolAsync(slot.SchoolId, cancellationToken);
        return TimetableWeeks.TakesPlaceOn(slot, lessonOn, calendar, settings) ? null : localizer["Ce cours n’a pas lieu ce jour-là."].Value;
    }

    public async Task<IReadOnlyList<FieldError>> RunAsync(TimetableSlot slot, ClassGroupInfo group, DateOnly lessonOn, ChangeInput input, Guid authorId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (await LessonErrorAsync(slot, lessonOn, cancellationToken) is { } lessonError)
        {
            return [new(string.Empty, lessonError)];
        }

        var today = tenant.Today(clock);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var movedTo = input.MovedTo is { } to && to != lessonOn ? to : (DateOnly?)null;
        var room = string.IsNullOrWhiteSpace(input.NewRoom) || input.NewRoom.Trim() == slot.Room ? null : input.NewRoom.Trim();
        var replacement = input.ReplacementTeacherId is { } teacher && teacher != slot.TeacherId ? teacher : (Guid?)null;
        var retimed = input.NewStartsAt is not null || input.NewEndsAt is not null;
        if (!input.Cancel)
        {
            if (movedTo is { } day && (day < today || HomeworkRules.SchoolDayError(day, slot.SchoolYearId, calendar) is not null))
            {
                errors.Add(new(nameof(input.MovedTo), localizer["Choisissez un jour de classe à venir de l’année scolaire."]));
            }

            if (retimed)
            {
                if (input.NewStartsAt is not { } start || input.NewEndsAt is not { } end)
                {
                    errors.Add(new(input.NewStartsAt is null ? nameof(input.NewStartsAt) : nameof(input.NewEndsAt), localizer["Indiquez l’heure de début et l’heure de fin."]));
                }
                else if (end <= start)
                {
                    errors.Add(new(nameof(input.NewEndsAt), localizer["L’heure de fin doit suivre l’heure de début."]));
                }
                else if (start < TimetableSlot.DayStartsAt || end > TimetableSlot.DayEndsAt)
                {
                    errors.Add(new(nameof(input.NewStartsAt), localizer["Les cours ont lieu entre 7 h et 20 h."]));
                }
            }

            if (replacement is { } replacing && (await teachers.ForGroupAsync(group, cancellationToken)).All(t => t.Id != replacing))
            {
                errors.Add(new(nameof(input.ReplacementTeacherId), localizer["Choisissez un enseignant de l’établissement."]));
            }

            if (errors.Count == 0 && movedTo is null && !retimed && room is null && replacement is null)
            {
                errors.Add(new(string.Empty, localizer["Indiquez ce qui change : annulation, jour, horaire, salle ou remplaçant."]));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var change = await db.TimetableChanges.FirstOrDefaultAsync(c => c.SlotId == slot.Id && c.LessonOn == lessonOn, cancellationToken);
        if (change is null)
        {
            change = new TimetableChange { SchoolId = slot.SchoolId, ClassGroupId = slot.ClassGroupId, SlotId = slot.Id, LessonOn = lessonOn, CreatedAt = now };
            db.TimetableChanges.Add(change);
        }

        change.IsCancelled = input.Cancel;
        change.MovedTo = input.Cancel ? null : movedTo;
        change.NewStartsAt = input.Cancel ? null : input.NewStartsAt;
        change.NewEndsAt = input.Cancel ? null : input.NewEndsAt;
        change.NewRoom = input.Cancel ? null : room;
        change.ReplacementTeacherId = input.Cancel ? null : replacement;
        change.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        change.AuthorId = authorId;
        change.UpdatedAt = now;
        await NotifyAsync(slot, group, lessonOn, change.HeldOn, input.Cancel ? Fr("{0} : le cours de {1} du {2} est annulé") : Fr("{0} : le cours de {1} du {2} est modifié"), [replacement], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return [new(string.Empty, localizer["Ce cours vient d’être modifié par quelqu’un d’autre : rechargez la page."])];
        }

        return [];
    }

    /// <summary>Takes a change back: the lesson is held as planned again.</summary>
    public async Task UndoAsync(TimetableSlot slot, ClassGroupInfo group, TimetableChange change, CancellationToken cancellationToken)
    {
        db.TimetableChanges.Remove(change);
        await NotifyAsync(slot, group, change.LessonOn, change.LessonOn, Fr("{0} : le cours de {1} du {2} a lieu comme prévu"), [change.ReplacementTeacherId], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task NotifyAsync(TimetableSlot slot, ClassGroupInfo group, DateOnly lessonOn, DateOnly heldOn, string title, Guid?[] alsoTeachers, CancellationToken cancellationToken)
    {
        var followAllowed = (await settingsStore.ForSchoolAsync(slot.SchoolId, cancellationToken))?.GuardiansWithoutAuthoritySeeTimetable ?? true;
        var recipients = (await families.RecipientsAsync(slot.ClassGroupId, followAllowed, cancellationToken))
            .Concat(new[] { slot.TeacherId }.Concat(alsoTeachers).OfType<Guid>())
            .Distinct()
            .ToList();
        var monday = WeekAlternation.MondayOf(heldOn).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        db.Publish(new NotificationRequested(
            recipients,
            Category,
            NotificationKind.Information,
            title,
            [group.Name, slot.Subject, lessonOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)],
            $"/emploi-du-temps?semaine={monday}",
            slot.SchoolId));
    }
}
