using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Outbox;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Agenda;

/// <summary>
/// Sends an event's reminder when it falls due (the outbox holds it until then). With sign-up slots,
/// the families who booked are reminded; otherwise the event's audience. A reminder scheduled by an
/// older version of the event (moved, cancelled) does nothing.
/// </summary>
internal sealed class SendAgendaReminder(CommunicationDbContext db, Audiences audiences, TenantContext tenant) : IOutboxHandler<AgendaReminderDue>
{
    public async Task HandleAsync(AgendaReminderDue domainEvent, CancellationToken cancellationToken)
    {
        var e = await db.AgendaEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == domainEvent.EventId, cancellationToken);
        if (e is null || e.CancelledAt is not null || e.Sequence != domainEvent.Sequence)
        {
            return;
        }

        IReadOnlyList<Guid> recipients;
        if (await db.EventSlots.AnyAsync(s => s.EventId == e.Id, cancellationToken))
        {
            recipients = await db.SlotBookings.Where(b => b.EventId == e.Id).Select(b => b.GuardianId).Distinct().ToListAsync(cancellationToken);
        }
        else
        {
            recipients = e switch
            {
                { Scope: EventScope.Class, ClassGroupId: { } classId } => await audiences.OfClassAsync(classId, withPupils: false, cancellationToken),
                { Scope: EventScope.School, SchoolId: { } schoolId } => await audiences.OfSchoolAsync(schoolId, withPupils: false, cancellationToken),
                _ => await audiences.OfTerritoryAsync(cancellationToken),
            };
        }

        Audiences.Notify(db, recipients, "communication.agenda", NotificationKind.Information,
            Platform.Localization.Text.Fr("Rappel : {0}, {1}"), [e.Title, AgendaEvents.FrenchDate(tenant.ToLocal(e.StartsAt))], $"/agenda/{e.Id}", e.SchoolId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
