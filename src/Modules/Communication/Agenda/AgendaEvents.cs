using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using static Preau.Platform.Localization.Text;

namespace Preau.Communication.Agenda;

/// <summary>What the organiser typed, with instants already in UTC.</summary>
internal sealed record EventDraft(
    string TargetKey, EventCategory Category, string Title, string? Description, string? Location,
    DateTime StartsAt, DateTime EndsAt, bool IsPublic, int? ReminderMinutes, DateTime? SignUpDeadline, bool OneSlotPerFamily);

/// <summary>A reminder of an event is due (the event's <see cref="AgendaEvent.Sequence"/> says which version scheduled it).</summary>
internal sealed record AgendaReminderDue(Guid EventId, int Sequence);

/// <summary>The use cases of the agenda: organise, cancel, offer slots, sign up and cancel a booking.</summary>
internal sealed class AgendaEvents(CommunicationDbContext db, Targets targets, TimeProvider clock)
{
    public async Task<(AgendaEvent? Event, IReadOnlyList<FieldError> Errors)> SaveAsync(Reader organizer, AgendaEvent? existing, EventDraft draft, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();
        var target = (await targets.ForAsync(organizer, AgendaRights.Targets, cancellationToken)).FirstOrDefault(t => t.Key == draft.TargetKey);
        if (target is null && !(existing is not null && Target.KeyOf(existing.SchoolId, existing.ClassGroupId) == draft.TargetKey))
        {
            errors.Add(new FieldError("Input.Target", Fr("Choisissez pour qui est l’événement parmi les choix proposés.")));
        }

        if (draft.Title.Trim().Length == 0)
        {
            errors.Add(new FieldError("Input.Title", Fr("Indiquez un titre.")));
        }

        if (AgendaEvent.CheckWindow(draft.StartsAt, draft.EndsAt, now) is { } windowError)
        {
            errors.Add(new FieldError("Input.EndTime", windowError));
        }

        if (AgendaEvent.CheckDeadline(draft.SignUpDeadline, draft.StartsAt) is { } deadlineError)
        {
            errors.Add(new FieldError("Input.DeadlineOn", deadlineError));
        }

        if (draft.ReminderMinutes is { } minutes && !AgendaEvent.ReminderChoices.Contains(minutes))
        {
            errors.Add(new FieldError("Input.ReminderMinutes", Fr("Choisissez un délai de rappel parmi ceux proposés.")));
        }

        if (existing is not null && await db.EventSlots.AnyAsync(s => s.EventId == existing.Id && (s.StartsAt < draft.StartsAt || s.EndsAt > draft.EndsAt), cancellationToken))
        {
            errors.Add(new FieldError("Input.StartTime", Fr("Des créneaux sont en dehors de ces horaires : retirez-les d’abord.")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var scope = existing is not null && target is null
            ? (existing.Scope, existing.SchoolId, existing.ClassGroupId)
            : (target!.ClassGroupId is not null ? EventScope.Class : target.SchoolId is not null ? EventScope.School : EventScope.Territory, target.SchoolId, target.ClassGroupId);
        var e = existing ?? db.AgendaEvents.Add(new AgendaEvent { OrganizerId = organizer.AccountId, Title = draft.Title.Trim(), CreatedAt = now }).Entity;
        (e.Scope, e.SchoolId, e.ClassGroupId) = scope;
        e.Category = draft.Category;
        e.Title = draft.Title.Trim();
        e.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        e.Location = string.IsNullOrWhiteSpace(draft.Location) ? null : draft.Location.Trim();
        e.StartsAt = draft.StartsAt;
        e.EndsAt = draft.EndsAt;
        e.IsPublic = draft.IsPublic;
        e.ReminderMinutes = draft.ReminderMinutes;
        e.SignUpDeadline = draft.SignUpDeadline;
        e.OneSlotPerFamily = draft.OneSlotPerFamily;
        e.Sequence++;
        e.UpdatedAt = now;
        ScheduleReminder(db, e, now);
        await db.SaveChangesAsync(cancellationToken);
        return (e, []);
    }

    /// <summary>Schedules the reminder through the outbox at its due time; an older version's reminder is ignored when it fires.</summary>
    public static void ScheduleReminder(CommunicationDbContext db, AgendaEvent e, DateTime now)
    {
        if (e.ReminderDueAt(now) is { } due)
        {
            db.Publish(new AgendaReminderDue(e.Id, e.Sequence), due);
        }
    }

    public async Task CancelAsync(AgendaEvent e, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        e.CancelledAt = now;
        e.Sequence++;
        e.UpdatedAt = now;
        var booked = await db.SlotBookings.Where(b => b.EventId == e.Id).Select(b => b.GuardianId).ToListAsync(cancellationToken);
        Audiences.Notify(db, booked, "communication.agenda", NotificationKind.Information, Fr("Événement annulé : {0}"), [e.Title], $"/agenda/{e.Id}", e.SchoolId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds slots of a given length over a time range of the event's day(s).</summary>
    public async Task<string?> AddSlotsAsync(AgendaEvent e, DateTime from, DateTime to, int lengthMinutes, CancellationToken cancellationToken)
    {
        if (from < e.StartsAt || to > e.EndsAt || to <= from)
        {
            return Fr("Les créneaux doivent tenir dans les horaires de l’événement.");
        }

        var existing = await db.EventSlots.Where(s => s.EventId == e.Id).Select(s => new { s.StartsAt, s.EndsAt }).ToListAsync(cancellationToken);
        var added = lengthMinutes is >= SlotRules.MinLengthMinutes and <= SlotRules.MaxLengthMinutes ? SlotRules.Generate(from, to, lengthMinutes) : [];
        if (SlotRules.CheckNewSlots(existing.Select(s => (s.StartsAt, s.EndsAt)).ToList(), added, lengthMinutes) is { } error)
        {
            return error;
        }

        // Slots do not change the event itself: its iCalendar version and its scheduled reminder stay.
        db.EventSlots.AddRange(added.Select(a => new EventSlot { EventId = e.Id, StartsAt = a.StartsAt, EndsAt = a.EndsAt }));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> RemoveSlotAsync(AgendaEvent e, Guid slotId, CancellationToken cancellationToken)
    {
        var slot = await db.EventSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.EventId == e.Id, cancellationToken);
        if (slot is null || await db.SlotBookings.AnyAsync(b => b.SlotId == slotId, cancellationToken))
        {
            return false;
        }

        db.EventSlots.Remove(slot);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Books a slot for a child. Checks the rules first (deadline, child concerned, one slot per family),
    /// then relies on the unique indexes for what two families clicking at the same instant would break.
    /// </summary>
    public async Task<string?> SignUpAsync(Reader guardian, AgendaEvent e, Guid slotId, Guid pupilId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slot = await db.EventSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId && s.EventId == e.Id, cancellationToken);
        if (slot is null)
        {
            return Fr("Ce créneau n’existe plus.");
        }

        if (SlotRules.CheckSignUpOpen(now, e.SignUpDeadline, slot.StartsAt, e.CancelledAt) is { } closed)
        {
            return closed;
        }

        if (AgendaRights.ChildrenConcerned(guardian, e).All(c => c.Id != pupilId))
        {
            return Fr("Choisissez l’enfant concerné par ce rendez-vous.");
        }

        if (await db.SlotBookings.AnyAsync(b => b.SlotId == slotId, cancellationToken))
        {
            return Fr("Ce créneau vient d’être réservé par une autre famille. Choisissez-en un autre.");
        }

        if (e.OneSlotPerFamily && await db.SlotBookings.AnyAsync(b => b.EventId == e.Id && b.PupilId == pupilId, cancellationToken))
        {
            return Fr("Votre famille a déjà réservé un créneau pour cet enfant : annulez-le d’abord pour en choisir un autre.");
        }

        var booking = db.SlotBookings.Add(new SlotBooking
        {
            EventId = e.Id,
            SlotId = slotId,
            GuardianId = guardian.AccountId,
            PupilId = pupilId,
            FamilyKey = e.OneSlotPerFamily ? pupilId : null,
            CreatedAt = now,
        }).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            db.Entry(booking).State = EntityState.Detached;
            return e.OneSlotPerFamily && await db.SlotBookings.AnyAsync(b => b.EventId == e.Id && b.PupilId == pupilId && b.SlotId != slotId, cancellationToken)
                ? Fr("Votre famille a déjà réservé un créneau pour cet enfant : annulez-le d’abord pour en choisir un autre.")
                : Fr("Ce créneau vient d’être réservé par une autre famille. Choisissez-en un autre.");
        }
    }

    /// <summary>Cancels a booking of the guardian's family (either guardian of the child), until the deadline.</summary>
    public async Task<string?> CancelBookingAsync(Reader guardian, AgendaEvent e, Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.SlotBookings.FirstOrDefaultAsync(b => b.Id == bookingId && b.EventId == e.Id, cancellationToken);
        if (booking is null || !guardian.Relations.IsGuardianOf(booking.PupilId))
        {
            return Fr("Cette réservation n’existe plus.");
        }

        var slot = await db.EventSlots.AsNoTracking().FirstAsync(s => s.Id == booking.SlotId, cancellationToken);
        if (SlotRules.CheckSignUpOpen(clock.GetUtcNow().UtcDateTime, e.SignUpDeadline, slot.StartsAt, e.CancelledAt) is { } closed)
        {
            return closed;
        }

        db.SlotBookings.Remove(booking);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>"mardi 1 décembre à 17 h 30", in French, in the territory's zone (for notification titles).</summary>
    public static string FrenchDate(DateTime local) =>
        local.ToString("dddd d MMMM 'à' H' h 'mm", CultureInfo.GetCultureInfo("fr-FR"));
}
