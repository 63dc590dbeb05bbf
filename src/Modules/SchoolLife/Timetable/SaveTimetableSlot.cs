using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;

namespace Preau.SchoolLife.Timetable;

/// <summary>
/// Adds or changes a slot of a class's weekly timetable: a weekday, hours of the school day, no overlap
/// with the class's other lessons nor with the teacher's lessons elsewhere in the same weeks.
/// The caller has checked the rights.
/// </summary>
internal sealed class SaveTimetableSlot(SchoolLifeDbContext db, TeacherChoices teachers, TimetableCache cache, TimeProvider clock, IStringLocalizer localizer)
{
    public async Task<(TimetableSlot? Slot, IReadOnlyList<FieldError> Errors)> RunAsync(ClassGroupInfo group, TimetableSlot? existing, SlotInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (input.Day is { } chosen && chosen is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            errors.Add(new(nameof(input.Day), localizer["Les cours ont lieu du lundi au vendredi."]));
        }

        if (input.StartsAt is { } start && input.EndsAt is { } end)
        {
            if (end <= start)
            {
                errors.Add(new(nameof(input.EndsAt), localizer["L’heure de fin doit suivre l’heure de début."]));
            }
            else if (start < TimetableSlot.DayStartsAt || end > TimetableSlot.DayEndsAt)
            {
                errors.Add(new(nameof(input.StartsAt), localizer["Les cours ont lieu entre 7 h et 20 h."]));
            }
        }

        var choices = await teachers.ForGroupAsync(group, cancellationToken);
        if (input.TeacherId is { } teacherId && choices.All(t => t.Id != teacherId))
        {
            errors.Add(new(nameof(input.TeacherId), localizer["Choisissez un enseignant de l’établissement."]));
        }

        if (errors.Count == 0 && input.Day is { } day && input.StartsAt is { } startsAt && input.EndsAt is { } endsAt)
        {
            var selfId = existing?.Id ?? input.Id;
            var neighbours = await db.TimetableSlots.AsNoTracking()
                .Where(s => s.Id != selfId && s.Day == day && (s.ClassGroupId == group.Id || (input.TeacherId != null && s.TeacherId == input.TeacherId)))
                .ToListAsync(cancellationToken);
            if (neighbours.FirstOrDefault(s => s.ClassGroupId == group.Id && s.Overlaps(day, startsAt, endsAt, input.Weeks)) is { } clash)
            {
                errors.Add(new(nameof(input.StartsAt), localizer["Ce créneau chevauche le cours de {0} de {1} à {2}.", clash.Subject, clash.StartsAt.ToString("HH:mm"), clash.EndsAt.ToString("HH:mm")]));
            }
            else if (neighbours.FirstOrDefault(s => s.TeacherId == input.TeacherId && s.Overlaps(day, startsAt, endsAt, input.Weeks)) is { } busy)
            {
                errors.Add(new(nameof(input.TeacherId), localizer["Cet enseignant a déjà cours ({0}) de {1} à {2}.", busy.Subject, busy.StartsAt.ToString("HH:mm"), busy.EndsAt.ToString("HH:mm")]));
            }
        }

        if (errors.Count > 0 || !ModelIsComplete(input))
        {
            return (null, errors);
        }

        var previousTeacher = existing?.TeacherId;
        var slot = existing ?? new TimetableSlot
        {
            Id = input.Id,
            SchoolId = group.SchoolId,
            SchoolYearId = group.SchoolYearId,
            ClassGroupId = group.Id,
            Subject = string.Empty,
        };
        slot.Day = input.Day!.Value;
        slot.StartsAt = input.StartsAt!.Value;
        slot.EndsAt = input.EndsAt!.Value;
        slot.Subject = input.Subject!.Trim();
        slot.TeacherId = input.TeacherId;
        slot.Room = string.IsNullOrWhiteSpace(input.Room) ? null : input.Room.Trim();
        slot.Weeks = input.Weeks;
        slot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            db.TimetableSlots.Add(slot);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (null, [new(string.Empty, localizer["Ce cours est déjà enregistré."])]);
        }

        cache.ForgetSlots(group.Id, previousTeacher, slot.TeacherId);
        return (slot, []);
    }

    /// <summary>Removes a slot from every week (its changes go with it).</summary>
    public async Task DeleteAsync(TimetableSlot slot, CancellationToken cancellationToken)
    {
        db.TimetableSlots.Remove(slot);
        await db.SaveChangesAsync(cancellationToken);
        cache.ForgetSlots(slot.ClassGroupId, slot.TeacherId);
    }

    private static bool ModelIsComplete(SlotInput input) =>
        input.Day is not null && input.StartsAt is not null && input.EndsAt is not null && !string.IsNullOrWhiteSpace(input.Subject);
}
